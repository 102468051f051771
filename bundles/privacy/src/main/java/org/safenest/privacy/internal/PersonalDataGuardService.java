package org.safenest.privacy.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.safenest.api.privacy.PersonalDataGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personal-data guard as an OSGi service. HanLP reads its dictionaries (about 10 MB of tables from the embedded
 * jar, roughly a second) when first used; that happens on a thread of its own right after activation, so the bundle
 * starts at once and the first report checked does not wait for it (a check that comes sooner waits for the same
 * class initialisation). The thread's context class loader is this bundle's, so HanLP's look-up of an optional
 * {@code hanlp.properties} sees this bundle only and it keeps its portable, resource-based configuration.
 */
@Component(service = PersonalDataGuard.class)
public class PersonalDataGuardService extends TextPersonalDataGuard {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataGuardService.class);

    @Activate
    void activate() {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                warmUp();
                LOG.info("Personal-data guard ready: name recogniser loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Personal-data guard: the name recogniser failed to load", e);
            }
        }, "safenest-privacy-warm-up");
        t.setContextClassLoader(PersonalDataGuardService.class.getClassLoader());
        t.setDaemon(true);
        t.start();
    }
}
