package io.oppflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API logins against Camunda's users, so Tasklist and the API share one set of accounts, and gives a
 * webapp session's user the same authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private final IdentityService identity;

  CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    return authenticated(user);
  }

  /** The user of a webapp session with the groups Camunda's login gave it: no query, the same view as Tasklist's. */
  Authentication signedIn(String user, List<String> groupIds) {
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groupIds == null ? List.of()
        : groupIds.stream().map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g)).toList());
  }

  private Authentication authenticated(String user) {
    return signedIn(user, identity.createGroupQuery().groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
