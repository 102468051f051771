package org.safenest.allocation.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.allocation.internal.AllocationServiceImpl;
import org.safenest.allocation.testing.LocalDatabase;
import org.safenest.allocation.testing.HongKong;
import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationPlan;
import org.safenest.api.allocation.AllocationStrategy;
import org.safenest.api.allocation.StrategyParameter;
import org.safenest.api.allocation.StoredPlan;
import org.safenest.api.allocation.Team;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;
import org.safenest.testsupport.MemoryRegions;

/** The shell commands run directly, their output captured. */
class CommandsTest {

    private final LocalDatabase db = new LocalDatabase();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public AuditRecord record(AuditRecord r) {
            audited.add(r);
            return r;
        }

        @Override
        public List<AuditRecord> query(AuditQuery q) {
            return audited;
        }

        @Override
        public long count(AuditQuery q) {
            return audited.size();
        }
    };
    private final MemoryRegions regions = new MemoryRegions(HongKong.data());
    private final AllocationServiceImpl service = new AllocationServiceImpl(db, regions, audit);
    private final PrintStream out = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CommandsTest() {
        AllocationStrategy drop = new AllocationStrategy() {
            @Override
            public String id() {
                return "drop-first";
            }

            @Override
            public String name() {
                return "Drop the first team";
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public List<StrategyParameter> parameters() {
                return List.of(new StrategyParameter("p", "test", "1"));
            }

            @Override
            public AllocationPlan plan(AllocationInput input, Map<String, String> parameters) {
                List<Team> teams = input.currentTeams().subList(1, input.currentTeams().size());
                return new AllocationPlan(id(), parameters, teams, List.of(), null, true, List.of(), Instant.now());
            }
        };
        service.strategies(Map.of("drop-first", drop));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        System.setOut(out);
        db.close();
    }

    private String output() {
        String s = captured.toString(StandardCharsets.UTF_8);
        captured.reset();
        return s;
    }

    private static Session session() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> method.getName().equals("get") ? "karaf" : null);
    }

    @Test
    void strategiesRunPlanAndCompare() {
        AllocationStrategiesCommand strategies = new AllocationStrategiesCommand();
        strategies.allocation = service;
        strategies.regions = regions;
        strategies.execute();
        String listed = output();
        assertTrue(listed.contains("drop-first") && listed.contains("p (1)"), listed);
        assertTrue(listed.contains("Active in hong-kong: retain (NOT INSTALLED: the fallback runs)"), listed);

        AllocationRunCommand run = new AllocationRunCommand();
        run.allocation = service;
        run.audit = audit;
        run.session = session();
        run.region = "hong-kong";
        run.strategy = "drop-first";
        run.parameters = List.of("p=2");
        run.execute();
        String ran = output();
        assertTrue(ran.startsWith("Plan 1 of hong-kong by strategy drop-first (PROPOSED):"), ran);
        assertTrue(ran.contains("SYNTHETIC DATA"), ran);
        assertEquals("shell safenest:allocation-run", audited.get(0).action());
        assertEquals("karaf", audited.get(0).actor());

        AllocationPlanCommand plan = new AllocationPlanCommand();
        plan.allocation = service;
        plan.region = "hong-kong";
        plan.id = "1";
        plan.execute();
        String shown = output();
        assertTrue(shown.contains("pilot-02") && !shown.contains("pilot-01 "), "the first team is dropped: " + shown);
        assertTrue(shown.contains("Units changing operator: 8 (cases affected 189)"), shown);
        assertTrue(shown.contains("(unserved)"), shown);

        AllocationCompareCommand compare = new AllocationCompareCommand();
        compare.allocation = service;
        compare.region = "hong-kong";
        compare.strategies = List.of("drop-first");
        compare.csv = true;
        compare.execute();
        String csv = output();
        assertTrue(csv.startsWith("measure,drop-first\r\nsynthetic data,true"), csv);
        compare.csv = false;
        compare.execute();
        String table = output();
        assertTrue(table.contains("units changing operator") && table.contains("SYNTHETIC DATA"), table);
    }

    @Test
    void casesToInformOfTheAdoptedPlan() {
        AllocationCasesToInformCommand cases = new AllocationCasesToInformCommand();
        cases.allocation = service;
        cases.session = session();
        cases.region = "hong-kong";
        cases.execute();
        assertEquals("", output(), "no adopted plan: the message goes to stderr");
        StoredPlan plan = service.computePlan(org.safenest.api.security.Caller.administrator("karaf"), "hong-kong", "drop-first", Map.of());
        service.adopt(org.safenest.api.security.Caller.administrator("karaf"), "hong-kong", plan.id());
        cases.execute();
        String shown = output();
        assertTrue(shown.contains("SYNTHETIC DATA"), shown);
        // the first pilot team's units lose their team: 8 units, 189 cases (as the plan's own measure says)
        assertTrue(shown.contains("replacing synthetic pilot: 8 units, 189 cases to inform"), shown);
        assertTrue(shown.contains("pilot-01") && shown.contains("(unserved)"), shown);
        cases.csv = true;
        cases.execute();
        String csv = output();
        assertEquals(8, csv.lines().filter(l -> !l.startsWith("#") && !l.startsWith("unit,")).count(), csv);
    }
}
