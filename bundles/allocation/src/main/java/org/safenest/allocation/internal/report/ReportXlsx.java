package org.safenest.allocation.internal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.safenest.allocation.internal.ComparisonTable;
import org.safenest.allocation.internal.FrontierTable;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;

/**
 * The report as one XLSX workbook (fastexcel): an explanation sheet first, then the comparison, the frontier, the
 * phase-in, the map (a PNG drawn from the coordinates, with its legend) and the units with their coordinates and teams.
 * Every sheet starts with the synthetic-data statement.
 */
public final class ReportXlsx {

    public static final String ABOUT = "About 說明";
    public static final String COMPARISON = "Comparison 比較";
    public static final String FRONTIER = "Frontier 取捨";
    public static final String PHASE_IN = "Phase-in 分階段";
    public static final String MAP = "Map 地圖";
    public static final String UNITS = "Units 單位";

    private ReportXlsx() {
    }

    public static void write(AllocationReport r, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Safenest", "1.0");
        about(r, wb.newWorksheet(ABOUT));
        comparison(r, wb.newWorksheet(COMPARISON));
        frontier(r, wb.newWorksheet(FRONTIER));
        phaseIn(r, wb.newWorksheet(PHASE_IN));
        map(r, wb.newWorksheet(MAP));
        units(r, wb.newWorksheet(UNITS));
        wb.finish();
    }

    /** The synthetic statement in rows 0 and 1; returns the next free row. */
    private static int synthetic(Worksheet ws) {
        ws.value(0, 0, AllocationReport.SYNTHETIC_EN);
        ws.style(0, 0).bold().fontColor("C00000").set();
        ws.value(1, 0, AllocationReport.SYNTHETIC_ZH);
        ws.style(1, 0).bold().fontColor("C00000").set();
        return 3;
    }

    private static void about(AllocationReport r, Worksheet ws) {
        int row = synthetic(ws);
        ws.value(row, 0, "Team allocation report 隊伍分配報告: " + r.region());
        ws.style(row++, 0).bold().fontSize(14).set();
        ws.value(row, 0, "generated 產生時間");
        ws.value(row++, 1, r.generatedAt().toString());
        ws.value(row, 0, "units 單位");
        ws.value(row++, 1, r.input().units().size());
        ws.value(row, 0, "current assignment 現時分配");
        ws.value(row++, 1, r.assignment());
        ws.value(row, 0, "sheets 工作表");
        ws.value(row++, 1, String.join(", ", List.of(COMPARISON, FRONTIER, PHASE_IN, MAP, UNITS)));
        row++;
        ws.value(row, 0, "term (English)");
        ws.value(row, 1, "詞彙（中文）");
        ws.value(row, 2, "what it means");
        ws.range(row, 0, row, 2).style().bold().fillColor("DDE7F0").set();
        row++;
        for (AllocationReport.Term t : AllocationReport.TERMS) {
            ws.value(row, 0, t.en());
            ws.value(row, 1, t.zh());
            ws.value(row, 2, t.meaning());
            ws.style(row, 2).wrapText(true).set();
            row++;
        }
        ws.width(0, 30);
        ws.width(1, 22);
        ws.width(2, 110);
    }

    private static void table(Worksheet ws, int row, List<String> header, List<? extends List<?>> rows) {
        for (int c = 0; c < header.size(); c++) {
            ws.value(row, c, header.get(c));
            ws.style(row, c).bold().fillColor("DDE7F0").wrapText(true).set();
        }
        for (List<?> cells : rows) {
            row++;
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c) instanceof String s ? AllocationReport.cell(s) : cells.get(c);
                if (v instanceof Number n) {
                    ws.value(row, c, n);
                } else {
                    ws.value(row, c, v == null ? "" : String.valueOf(v));
                }
            }
        }
    }

    private static void comparison(AllocationReport r, Worksheet ws) {
        int row = synthetic(ws);
        ws.value(row++, 0, "Every installed strategy with its defaults, on the same input; one column per strategy. 各策略以預設參數比較。");
        table(ws, row, ComparisonTable.header(r.comparison()), ComparisonTable.rows(r.comparison()));
        ws.width(0, 34);
        for (int c = 1; c <= r.comparison().plans().size(); c++) {
            ws.width(c, 18);
        }
    }

    private static void frontier(AllocationReport r, Worksheet ws) {
        int row = synthetic(ws);
        if (r.frontier() == null) {
            ws.value(row, 0, "Not computed 未能計算: " + r.frontierMissing());
            return;
        }
        ws.value(row++, 0, "Continuity-balance frontier: optimal with continuity weight 1 and each balance weight; other strategies as points. 延續性與均衡的取捨。");
        table(ws, row, FrontierTable.HEADER, FrontierTable.rows(r.frontier()));
        row += r.frontier().points().size() + 2;
        for (String note : r.frontier().notes()) {
            ws.value(row++, 0, note);
        }
        ws.width(0, 28);
    }

    private static void phaseIn(AllocationReport r, Worksheet ws) {
        int row = synthetic(ws);
        if (r.phaseIn() == null) {
            ws.value(row, 0, "Not computed 未能計算: " + r.phaseInMissing());
            return;
        }
        ws.value(row++, 0, r.phaseIn().name() + " 分階段推行");
        List<List<Object>> rows = r.phaseInRows();
        table(ws, row, AllocationReport.PHASE_IN_HEADER, rows);
        row += rows.size() + 2;
        for (String note : r.phaseIn().notes()) {
            ws.value(row++, 0, note);
        }
        ws.width(0, 16);
    }

    private static void map(AllocationReport r, Worksheet ws) {
        int row = synthetic(ws);
        ReportMap map = new ReportMap(r.input(), 900, 700);
        ws.value(row++, 0, "Units and teams of " + r.assignment() + " 單位及隊伍: dots are units in their team's colour, squares team bases, grey crosses "
                + "unserved units (" + map.unserved() + "). Drawn from the coordinates only.");
        ws.addImage(row, 0, map.png(), 900, 700);
        // the legend beside the picture: each team's colour, operators and units
        int col = 14;
        int legend = row;
        List<String> header = List.of("team 隊伍", "operators 營辦機構", "kind", "units");
        for (int i = 0; i < header.size(); i++) {
            ws.value(legend, col + i, header.get(i));
        }
        ws.range(legend, col, legend, col + 3).style().bold().fillColor("DDE7F0").set();
        for (ReportMap.TeamMark t : map.teams()) {
            legend++;
            ws.value(legend, col, t.team().id());
            ws.style(legend, col).fillColor(t.color()).fontColor("FFFFFF").bold().set();
            ws.value(legend, col + 1, String.join("+", t.team().operators()));
            ws.value(legend, col + 2, t.team().kind().name());
            ws.value(legend, col + 3, t.units());
        }
        ws.width(col, 26);
        ws.width(col + 1, 40);
    }

    private static void units(AllocationReport r, Worksheet ws) {
        int row = synthetic(ws);
        java.util.Map<String, Team> teamOf = new java.util.HashMap<>();
        r.input().currentTeams().forEach(t -> t.units().forEach(u -> teamOf.put(u, t)));
        List<List<Object>> rows = new ArrayList<>();
        for (AllocationUnit u : r.input().units()) {
            Team t = teamOf.get(u.code());
            rows.add(List.of(u.code(), u.preschool().nameEn(), u.preschool().nameZh() == null ? "" : u.preschool().nameZh(),
                    u.preschool().district(), u.preschool().location().latitude(), u.preschool().location().longitude(), u.pupils(),
                    u.casesInService(), t == null ? "(unserved)" : t.id(), t == null ? "" : String.join("+", t.operators())));
        }
        table(ws, row, List.of("unit", "name", "名稱", "district", "latitude", "longitude", "pupils (synthetic)", "cases (synthetic)",
                "team", "operators (synthetic)"), rows);
        ws.freezePane(0, row + 1);
        ws.width(1, 40);
        ws.width(2, 24);
    }
}
