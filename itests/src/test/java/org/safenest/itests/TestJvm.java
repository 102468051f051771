package org.safenest.itests;

import java.util.List;

/**
 * JVM options for the distributions the tests start, from the system property {@code safenest.test.jvm} (the root
 * pom.xml sets it to the client compiler only, {@code -XX:TieredStopAtLevel=1}; itests and webtests pass it on). A
 * boot is most of what a distribution test does, and on two cores the server compiler spent about half of a boot's
 * CPU time compiling code that runs once: four distribution test classes took 100 s with it and 183 s without. The
 * benchmarks do not set it and measure the JVM as shipped; {@code -Dsafenest.test.jvm=} gives the tests the JVM's
 * defaults too.
 */
public final class TestJvm {

    /** The variable {@code bin/setenv} adds to the JVM's options. */
    public static final String ENVIRONMENT = "EXTRA_JAVA_OPTS";

    private TestJvm() {
    }

    /** The options as one string, for {@link #ENVIRONMENT} of a process that runs {@code bin/start} or {@code bin/karaf}. */
    public static String options() {
        return System.getProperty("safenest.test.jvm", "").trim();
    }

    /** The options one by one, for Pax Exam's VM options. */
    public static List<String> optionList() {
        String v = options();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }
}
