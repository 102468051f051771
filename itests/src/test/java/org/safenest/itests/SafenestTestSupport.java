package org.safenest.itests;

import static org.ops4j.pax.exam.CoreOptions.bootDelegationPackage;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.url;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureSecurity;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;

/**
 * Pax Exam options that boot <em>our</em> distribution, the tar.gz built by karaf-assembly, as a user would
 * unpack it: its own features, etc/ files and demo users. Free ports are chosen so that a running Safenest on
 * 8181 does not disturb the tests. The JVM options are those bin/karaf and bin/setenv give on Java 17.
 */
public final class SafenestTestSupport {

    private SafenestTestSupport() {
    }

    public static File distribution() {
        String path = System.getProperty("safenest.distribution");
        if (path == null) {
            throw new IllegalStateException("system property safenest.distribution (the tar.gz to test) is not set");
        }
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " does not exist: build karaf-assembly first");
        }
        return file;
    }

    /** The example strategy's KAR, as an integrator would hand it to IT staff. */
    public static File exampleKar() {
        String path = System.getProperty("safenest.example.kar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property safenest.example.kar (the example strategy's KAR) is not set or names no file: " + path);
        }
        return new File(path);
    }

    /** The name Karaf knows a KAR by: its file name without {@code .kar}. */
    public static String karName(File kar) {
        return kar.getName().replaceFirst("\\.kar$", "");
    }

    /**
     * Runs a console command inside the container (as the local console would, without a login; commands guarded
     * by an ACL such as config:* are refused) with {@code input} as its keyboard; answers what it printed.
     */
    public static String execute(org.osgi.framework.BundleContext context, String command, String input) throws Exception {
        org.apache.karaf.shell.api.console.SessionFactory factory = null;
        for (int i = 0; i < 240 && factory == null; i++) {
            var ref = context.getServiceReference(org.apache.karaf.shell.api.console.SessionFactory.class);
            factory = ref == null ? null : context.getService(ref);
            if (factory == null) {
                Thread.sleep(500);
            }
        }
        if (factory == null) {
            throw new AssertionError("no console session factory");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session session = factory.create(
                new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Inside a Pax Exam container, what an operator would look at when the platform does not come up: the bundles'
     * diagnostics, the components that are not active with what they wait for, and the last warnings and errors of the
     * log; outside a container (a process-level test) an empty string.
     */
    public static String diagnosis() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(SafenestTestSupport.class);
        if (bundle == null || bundle.getBundleContext() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String command : List.of("bundle:diag", "scr:list", "log:display -l WARN -n 60")) {
            try {
                String printed = execute(bundle.getBundleContext(), command, "");
                if (command.equals("scr:list")) {
                    // only the components that are not up
                    printed = printed.lines().filter(l -> l.contains("UNSATISFIED") || l.contains("FAILED"))
                            .collect(java.util.stream.Collectors.joining("\n"));
                }
                out.append("\n--- ").append(command).append(" ---\n").append(printed);
            } catch (Exception | AssertionError e) {
                out.append("\n--- ").append(command).append(": ").append(e);
            }
        }
        return out.toString();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Option[] options(int httpPort) {
        String karafVersion = System.getProperty("karaf.version");
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(distribution().toURI().toString()).name("Safenest")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureSecurity().disableKarafMBeanServerBuilder(),
                configureConsole().ignoreLocalConsole(),
                keepRuntimeFolder(),
                systemProperty("safenest.example.kar").value(System.getProperty("safenest.example.kar", "")),
                systemProperty("safenest.example.city").value(System.getProperty("safenest.example.city", "")),
                systemProperty("safenest.test.database").value(System.getProperty("safenest.test.database", "derby")),
                logLevel(LogLevel.INFO),
                systemTimeout(300_000),
                bootDelegationPackage("sun.*"),
                frameworkStartLevel(100),
                url("link:classpath:META-INF/links/org.ops4j.pax.exam.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.exam.inject.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.extender.service.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.base.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.swissbox.core.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.swissbox.extender.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.swissbox.framework.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.swissbox.lifecycle.link").startLevel(5),
                url("link:classpath:META-INF/links/org.ops4j.pax.swissbox.tracker.link").startLevel(5),
                url("link:classpath:org.apache.servicemix.bundles.javax-inject.link").startLevel(5),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/branding.properties", "welcome", ""),
                // from bin/setenv (Pax Exam does not read it)
                new VMOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                new VMOption("-Dorg.apache.cxf.osgi.http.transport.disable=true"),
                // from bin/karaf on Java 9+
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"),
                new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
                new VMOption("--patch-module"),
                new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
                new VMOption("-classpath"),
                new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*" + File.pathSeparator + "lib/endorsed/*")));
        TestJvm.optionList().forEach(o -> options.add(new VMOption(o)));
        // the database: Derby as shipped, or a PostgreSQL database of this test's own (TestDatabase)
        TestDatabase.datasourceFor("exam").forEach((key, value) ->
                options.add(editConfigurationFilePut("etc/org.ops4j.datasource-safenest.cfg", key, value)));
        return options.toArray(new Option[0]);
    }
}
