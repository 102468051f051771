package org.safenest.allocation.internal.report;

import java.util.List;

import org.safenest.allocation.internal.ComparisonTable;
import org.safenest.allocation.internal.FrontierTable;

/**
 * The report as one printable HTML page (Traditional Chinese and English): the same parts as the XLSX, the map as inline
 * SVG, print CSS (A4 landscape, page breaks between parts, table headers repeated on each page). Self-contained: no
 * script, no style sheet or font fetched.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    private static final String CSS = """
            body{font-family:"Noto Sans TC","Microsoft JhengHei","PingFang TC",Arial,sans-serif;font-size:12px;margin:16px;color:#111}
            h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:20px 0 6px;border-bottom:1px solid #999}
            .synthetic{border:2px solid #c00000;color:#c00000;font-weight:bold;padding:6px 8px;margin:8px 0}
            table{border-collapse:collapse;margin:4px 0 8px}th,td{border:1px solid #bbb;padding:2px 5px;vertical-align:top}
            th{background:#dde7f0;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .notes li{margin:2px 0}.legend span.sw{display:inline-block;width:10px;height:10px;margin-right:4px;border:1px solid #000}
            .legend{columns:4;font-size:10px}.map{max-width:100%;height:auto}
            @media print{@page{size:A4 landscape;margin:12mm}body{margin:0;font-size:9.5px}section{break-before:page}
            section.first{break-before:auto}thead{display:table-header-group}tr{break-inside:avoid}.noprint{display:none}}
            """;

    public static String write(AllocationReport r) {
        StringBuilder b = new StringBuilder(200_000);
        b.append("<!DOCTYPE html><html lang=\"zh-Hant\"><head><meta charset=\"UTF-8\"><title>隊伍分配報告 Team allocation report: ")
                .append(Html.escape(r.region())).append("</title><style>").append(CSS).append("</style></head><body>");
        b.append("<section class=\"first\"><h1>隊伍分配報告 Team allocation report: ").append(Html.escape(r.region())).append("</h1>");
        synthetic(b);
        b.append("<p>產生時間 Generated ").append(Html.escape(r.generatedAt())).append(" · 單位 Units ").append(r.input().units().size())
                .append(" · 現時分配 Current assignment: ").append(Html.escape(r.assignment())).append("</p>");
        b.append("<p class=\"noprint\">列印此頁 Print this page (Ctrl+P) for a paper or PDF copy.</p>");
        b.append("<h2>說明 What each figure means</h2><table><thead><tr><th>Term</th><th>詞彙</th><th>Meaning</th></tr></thead><tbody>");
        for (AllocationReport.Term t : AllocationReport.TERMS) {
            b.append("<tr><td>").append(Html.escape(t.en())).append("</td><td>").append(Html.escape(t.zh())).append("</td><td>")
                    .append(Html.escape(t.meaning())).append("</td></tr>");
        }
        b.append("</tbody></table></section>");

        b.append("<section><h2>策略比較 Strategies compared</h2>");
        synthetic(b);
        table(b, ComparisonTable.header(r.comparison()), ComparisonTable.rows(r.comparison()));
        b.append("</section>");

        b.append("<section><h2>延續性與均衡的取捨 Continuity-balance frontier</h2>");
        synthetic(b);
        if (r.frontier() == null) {
            b.append("<p>未能計算 Not computed: ").append(Html.escape(r.frontierMissing())).append("</p>");
        } else {
            table(b, FrontierTable.HEADER, FrontierTable.rows(r.frontier()));
            notes(b, r.frontier().notes());
        }
        b.append("</section>");

        b.append("<section><h2>分階段推行 Phase-in</h2>");
        synthetic(b);
        if (r.phaseIn() == null) {
            b.append("<p>未能計算 Not computed: ").append(Html.escape(r.phaseInMissing())).append("</p>");
        } else {
            b.append("<p>").append(Html.escape(r.phaseIn().name())).append("</p>");
            table(b, AllocationReport.PHASE_IN_HEADER, r.phaseInRows());
            notes(b, r.phaseIn().notes());
        }
        b.append("</section>");

        ReportMap map = new ReportMap(r.input(), 900, 700);
        b.append("<section><h2>單位及隊伍地圖 Map of units and teams</h2>");
        synthetic(b);
        b.append("<p>").append(Html.escape(r.assignment())).append(": 圓點為單位（以隊伍顏色標示），方塊為隊伍基地，灰色交叉為未獲服務的單位 (")
                .append(map.unserved()).append("). Dots are units in their team's colour, squares team bases, grey crosses unserved units. "
                        + "Drawn from the coordinates only.</p>");
        b.append(map.svg());
        b.append("<div class=\"legend\">");
        for (ReportMap.TeamMark t : map.teams()) {
            b.append("<div><span class=\"sw\" style=\"background:#").append(t.color()).append("\"></span>").append(Html.escape(t.team().id()))
                    .append(" · ").append(Html.escape(String.join("+", t.team().operators()))).append(" · ").append(t.units()).append("</div>");
        }
        b.append("</div></section></body></html>");
        return b.toString();
    }

    private static void synthetic(StringBuilder b) {
        b.append("<p class=\"synthetic\">").append(Html.escape(AllocationReport.SYNTHETIC_ZH)).append("<br>")
                .append(Html.escape(AllocationReport.SYNTHETIC_EN)).append("</p>");
    }

    private static void notes(StringBuilder b, List<String> notes) {
        if (!notes.isEmpty()) {
            b.append("<ul class=\"notes\">");
            notes.forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
            b.append("</ul>");
        }
    }

    private static void table(StringBuilder b, List<String> header, List<? extends List<?>> rows) {
        b.append("<table><thead><tr>");
        header.forEach(h -> b.append("<th>").append(Html.escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<?> row : rows) {
            b.append("<tr>");
            for (Object cell : row) {
                Object v = cell instanceof String s ? AllocationReport.cell(s) : cell;
                b.append(v instanceof Number ? "<td class=\"n\">" : "<td>").append(Html.escape(cell)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }
}
