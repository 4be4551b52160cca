package io.oppflow.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account ({@code camunda-admin}). Outside the demo the password must come from the
 * environment ({@code OPPFLOW_ADMIN_PASSWORD}) and must not be a default: the service refuses to start.
 */
@ConfigurationProperties("oppflow.admin")
record AdminProperties(String user, String password, boolean requireStrongPassword) {

  private static final Set<String> DEFAULTS = Set.of("", "demo", "admin", "password", "changeme", "camunda", "secret");
  static final int MIN_LENGTH = 12;

  AdminProperties {
    user = user == null || user.isBlank() ? "admin" : user;
    password = password == null ? "" : password;
    if (requireStrongPassword && isWeak(password)) {
      throw new IllegalStateException("Refusing to start: set OPPFLOW_ADMIN_PASSWORD to a password of at least "
          + MIN_LENGTH + " characters that is not a default (demo, admin, password, changeme, ...)");
    }
  }

  static boolean isWeak(String password) {
    return password.length() < MIN_LENGTH || DEFAULTS.contains(password.toLowerCase(Locale.ROOT));
  }
}
