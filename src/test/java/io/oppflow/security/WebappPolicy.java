package io.oppflow.security;

import static io.oppflow.security.PolicyRow.webapp;

import java.util.ArrayList;
import java.util.List;

/**
 * The Camunda webapps as each identity must see them, signed in to Tasklist with a session and sending
 * Camunda's CSRF token as the browser does: the same engine resources as {@code /engine-rest}, the
 * Cockpit and Admin plugin APIs, the login to each app and the app pages themselves.
 */
final class WebappPolicy {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  /** The door that signs in on a fresh session (with the CSRF cookie only): the login form itself. */
  static final String LOGIN = "login";
  private static final String COCKPIT = "rep1=403 rep2=403 expert1=403 manager1=403 manager2=403 ops1=2xx admin=2xx";
  private static final String COCKPIT_PAGE =
      "anon=2xx rep1=403-page rep2=403-page expert1=403-page manager1=403-page manager2=403-page ops1=2xx admin=2xx";

  private static final String PAGE = "anon=302 " + ApiPolicy.SIGNED_IN;

  private WebappPolicy() {}

  static List<PolicyRow> rows() {
    List<PolicyRow> rows = new ArrayList<>(EnginePolicy.rows("webapp", ENGINE));
    rows.addAll(List.of(
        login("tasklist", "rep1=2xx rep2=2xx expert1=2xx manager1=2xx manager2=2xx ops1=2xx admin=2xx"),
        login("cockpit", COCKPIT),
        login("admin", EnginePolicy.ADMIN_ONLY),
        webapp("GET", "/camunda/api/admin/auth/user/default").expect("anon=4xx " + ApiPolicy.SIGNED_IN),
        // the first-administrator set-up must be closed once an administrator exists
        webapp("POST", "/camunda/api/admin/setup/default/user/create")
            .json("{\"profile\": {\"id\": \"{fresh}\"}, \"credentials\": {\"password\": \"matrix-Passw0rd-2026\"}}")
            .expect("anon=4xx rep1=4xx rep2=4xx expert1=4xx manager1=4xx manager2=4xx ops1=4xx admin=4xx"),
        webapp("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics").expect(COCKPIT),
        webapp("GET", "/camunda/api/cockpit/plugin/base/default/process-instance/count").expect(COCKPIT),
        webapp("GET", "/camunda/api/cockpit/plugin/base/default/incident/count").expect(COCKPIT),
        webapp("GET", "/camunda/app/tasklist/default/").expect("anon=2xx " + ApiPolicy.SIGNED_IN),
        // oppflow's pages: the Tasklist login signs them in; without it the browser is sent to sign in
        webapp("GET", "/").expect(PAGE),
        webapp("GET", "/funnel").expect(PAGE),
        webapp("GET", "/pages/js/funnel.js").expect(PAGE),
        webapp("GET", "/_static/echarts/6.0.0/dist/echarts.esm.min.js").expect(PAGE),
        webapp("GET", "/heatmap").expect(PAGE),
        webapp("GET", "/warnings").expect(PAGE),
        webapp("GET", "/compare").expect(PAGE),
        webapp("GET", "/forecast").expect(PAGE),
        webapp("GET", "/compliance").expect(PAGE),
        webapp("GET", "/opportunity?code=x").expect(PAGE),
        webapp("GET", "/rules").expect(PAGE),
        webapp("GET", "/_static/bpmn-js/18.31.1/bpmn-navigated-viewer.production.min.js").expect(PAGE),
        webapp("GET", "/pages/session").expect("anon=302 " + ApiPolicy.SIGNED_IN),
        // and the API calls they make, with the session (and its CSRF token for changes), in the API's own scopes
        webapp("GET", "/api/funnel?owner=rep1&process=project-sales-funnel").note("with the Tasklist login").expect(ApiPolicy.OWNER_FIGURES),
        webapp("POST", "/api/opportunities").note("with the Tasklist login")
            .json("{\"code\": \"{fresh}\", \"process\": \"project-sales-funnel\", \"name\": \"x\", \"customer\": {\"name\": \"x\"}, \"owner\": \"rep1\", \"orgUnit\": \"HQ/East/Shanghai-1\"}")
            .expect(ApiPolicy.OWNED_CHANGE),
        webapp("GET", "/camunda/app/cockpit/default/").expect(COCKPIT_PAGE),
        webapp("GET", "/camunda/app/admin/default/").expect(
            "anon=2xx rep1=403-page rep2=403-page expert1=403-page manager1=403-page manager2=403-page ops1=403-page admin=2xx")));
    return rows;
  }

  private static PolicyRow login(String app, String spec) {
    return new PolicyRow.Builder(LOGIN, "POST", "/camunda/api/admin/auth/user/default/login/" + app)
        .body("application/x-www-form-urlencoded", "username={me}&password=demo").sharedRecords().expect(spec);
  }
}
