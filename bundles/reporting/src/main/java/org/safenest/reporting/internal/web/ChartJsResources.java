package org.safenest.reporting.internal.web;

import org.osgi.service.component.annotations.Component;

/**
 * Serves Chart.js 4 (MIT licence; copied into this bundle from its WebJar at build time) at
 * {@code /pages/statistics/lib/chart.umd.js} through the HTTP whiteboard while the statistics page is installed (its
 * licence is in the bundle beside it). The service object itself carries nothing.
 */
@Component(service = ChartJsResources.class, property = {
        "osgi.http.whiteboard.resource.pattern=/pages/statistics/lib/*",
        "osgi.http.whiteboard.resource.prefix=/META-INF/resources/webjars/chart.js/" + ChartJsResources.VERSION + "/dist"})
public class ChartJsResources {

    /** The Chart.js version the build copies (the chartjs.version property of the root pom). */
    public static final String VERSION = "4.4.1";
}
