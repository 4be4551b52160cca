package io.oppflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether the demo identities are created: only in the demo (default) profile. */
@ConfigurationProperties("oppflow.demo")
record DemoProperties(boolean enabled) {}
