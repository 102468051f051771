package org.safenest.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Safenest security settings, PID {@code org.safenest.security} ({@code etc/org.safenest.security.cfg}). */
@ObjectClassDefinition(name = "Safenest security", description = "Demo or production mode, and what production mode enforces")
public @interface SecurityConfiguration {

    @AttributeDefinition(name = "Mode", description = "demo: the demo users and plain HTTP, for trying Safenest out; "
            + "production: no demo users, hashed passwords, SSH on 127.0.0.1, HTTPS only with HSTS",
            options = {@Option(label = "demo", value = SecurityMode.DEMO), @Option(label = "production", value = SecurityMode.PRODUCTION)})
    String mode() default SecurityMode.DEMO;

    @AttributeDefinition(name = "Password hashing", description = "The algorithm of Karaf's spring-security-crypto "
            + "encryption service for stored passwords in production mode: bcrypt, argon2, pbkdf2 or scrypt")
    String password_algorithm() default "bcrypt";

    @AttributeDefinition(name = "HSTS max-age", description = "Seconds browsers keep to HTTPS (Strict-Transport-Security) in production mode")
    long hsts_max_age() default 31_536_000L;

    @AttributeDefinition(name = "JAAS realm", description = "The realm whose users production mode checks and the admin-password command changes")
    String jaas_realm() default "karaf";

    @AttributeDefinition(name = "Free failed logins per user name", description = "Failed logins for one user name before each further attempt must wait (429 with Retry-After, doubling from 1 s)")
    int login_user_free_failures() default 5;

    @AttributeDefinition(name = "Failed logins per user name before a lock", description = "Failed logins for one user name that lock it for the lock time")
    int login_user_lock_failures() default 10;

    @AttributeDefinition(name = "Free failed logins per address", description = "Failed logins from one client address before each further attempt from it must wait")
    int login_address_free_failures() default 20;

    @AttributeDefinition(name = "Failed logins per address before a lock", description = "Failed logins from one client address that lock it for the lock time")
    int login_address_lock_failures() default 50;

    @AttributeDefinition(name = "First wait", description = "Seconds the first attempt past the free failures must wait after the last failure; each further failure doubles it (at most 60 s, or this value when larger)")
    int login_delay_seconds() default 1;

    @AttributeDefinition(name = "Lock time", description = "Seconds a user name or an address stays locked")
    int login_lock_seconds() default 900;

    @AttributeDefinition(name = "Failure memory", description = "Seconds after the last failure when a user name's or address's failures are forgotten")
    int login_forget_seconds() default 3600;

    @AttributeDefinition(name = "Session idle time", description = "Minutes without a request after which a web session ends")
    int session_idle_minutes() default 30;
}
