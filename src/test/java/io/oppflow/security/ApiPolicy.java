package io.oppflow.security;

import io.oppflow.support.IdealFunnels;
import static io.oppflow.security.PolicyRow.basic;

import java.time.LocalDate;
import java.util.List;

/**
 * Our API (and its documentation and Actuator) as each identity must see it. Every operation of
 * {@code /v3/api-docs} is classified here; {@link AccessMatrixTests} fails on one that is not.
 * The fixture opportunity is rep1's, in HQ/East/Shanghai-1; manager1 manages HQ/East, manager2 a unit
 * of HQ/North.
 */
final class ApiPolicy {

  /** The owner, a manager of the unit above, sales-ops and admins; experts read too. */
  static final String OWNED_READ = "rep1=2xx rep2=403 expert1=2xx manager1=2xx manager2=403 ops1=2xx admin=2xx";
  static final String OWNED_CHANGE = "rep1=2xx rep2=403 expert1=403 manager1=2xx manager2=403 ops1=2xx admin=2xx";
  static final String SIGNED_IN = "rep1=2xx rep2=2xx expert1=2xx manager1=2xx manager2=2xx ops1=2xx admin=2xx";
  /** Sales-ops and admins only; they get past the check and are refused for the (deliberately bad) input. */
  static final String OPS_BAD_INPUT = "rep1=403 rep2=403 expert1=403 manager1=403 manager2=403 ops1=400/422 admin=400/422";
  static final String OPS_NOT_FOUND = "rep1=403 rep2=403 expert1=403 manager1=403 manager2=403 ops1=404 admin=404";
  static final String OPS = "rep1=403 rep2=403 expert1=403 manager1=403 manager2=403 ops1=2xx admin=2xx";
  /** The whole of HQ/East: its managers, experts, sales-ops, admins. */
  static final String UNIT_READ = "rep1=403 rep2=403 expert1=2xx manager1=2xx manager2=403 ops1=2xx admin=2xx";
  /** Planning and auditing HQ/East: its managers, sales-ops, admins. */
  static final String UNIT_MANAGE = "rep1=403 rep2=403 expert1=403 manager1=2xx manager2=403 ops1=2xx admin=2xx";
  /** Reading rep1's figures: rep1, whoever sees HQ/East; manager2's own scope comes out empty, not refused. */
  static final String OWNER_FIGURES = "rep1=2xx rep2=403 expert1=2xx manager1=2xx manager2=2xx ops1=2xx admin=2xx";
  /** The plan names its process: with two stage processes deployed, a plan without one is refused (StageProcesses). */
  static final String IDEAL = IdealFunnels.PROJECT_SALES;
  /** A period planned for HQ/East by the test before the matrix runs. */
  static final String PLANNED = "HQ/East/2031-Q1";

  private ApiPolicy() {}

  static List<PolicyRow> rows() {
    String opportunities = "/api/opportunities";
    String one = "/api/opportunities/{code}";
    return List.of(
        basic("POST", opportunities).documented(opportunities)
            .json("{\"code\": \"{fresh}\", \"process\": \"project-sales-funnel\", \"name\": \"x\", \"customer\": {\"name\": \"x\"}, \"owner\": \"rep1\", \"orgUnit\": \"HQ/East/Shanghai-1\"}")
            .expect(OWNED_CHANGE),
        // opening for oneself outside one's own org unit: only rep2 works there
        basic("POST", opportunities).note("for oneself in HQ/North/Beijing-1")
            .json("{\"code\": \"{fresh}\", \"process\": \"project-sales-funnel\", \"name\": \"x\", \"customer\": {\"name\": \"x\"}, \"owner\": \"{me}\", \"orgUnit\": \"HQ/North/Beijing-1\"}")
            .expect("rep1=403 rep2=2xx expert1=403 manager1=403 manager2=403 ops1=2xx admin=2xx"),
        basic("GET", opportunities).documented(opportunities).hides("code")
            .expect("rep1=2xx rep2=2xx-filtered expert1=2xx manager1=2xx manager2=2xx-filtered ops1=2xx admin=2xx"),
        basic("GET", one).documented(one).expect(OWNED_READ),
        basic("PATCH", one).documented(one).body("application/merge-patch+json", "{\"needs\": \"matrix\"}").expect(OWNED_CHANGE),
        basic("POST", one + "/activities").documented("/api/opportunities/{code}/activities")
            .json("{\"type\": \"CALL\", \"date\": \"" + LocalDate.now().minusDays(1) + "\"}").expect(OWNED_CHANGE),
        basic("GET", one + "/activities").documented("/api/opportunities/{code}/activities").expect(OWNED_READ),
        basic("POST", one + "/advance").documented("/api/opportunities/{code}/advance").expect(OWNED_CHANGE),
        basic("POST", one + "/lose").documented("/api/opportunities/{code}/lose")
            .json("{\"reason\": \"CUSTOMER_STOPPED\"}").expect(OWNED_CHANGE),
        basic("GET", one + "/gate-records").documented("/api/opportunities/{code}/gate-records").expect(OWNED_READ),
        basic("GET", one + "/stages").documented("/api/opportunities/{code}/stages").expect(OWNED_READ),
        // to manager1, placed at HQ/East above the fixture's team: only whoever manages both units, sales-ops, admins
        basic("POST", one + "/reassign").documented("/api/opportunities/{code}/reassign")
            .json("{\"owner\": \"manager1\", \"reason\": \"matrix\"}").expect(UNIT_MANAGE),
        // a user with no opportunities: nothing moves, reps and experts are refused before looking
        basic("POST", opportunities + "/reassign").documented("/api/opportunities/reassign")
            .json("{\"fromOwner\": \"{fresh}\", \"toOwner\": \"manager1\", \"reason\": \"matrix\"}").sharedRecords()
            .expect("rep1=403 rep2=403 expert1=403 manager1=2xx manager2=2xx ops1=2xx admin=2xx"),
        // whether the caller may: answered to whoever reads the opportunity, refused as reading it is
        basic("GET", one + "/reassign").documented("/api/opportunities/{code}/reassign").expect(OWNED_READ),
        basic("GET", one + "/reassignments").documented("/api/opportunities/{code}/reassignments").expect(OWNED_READ),
        basic("POST", "/api/opportunities/{failedCode}/exceptions").documented("/api/opportunities/{code}/exceptions")
            .json("{\"reason\": \"matrix\"}").expect(OWNED_CHANGE),
        basic("GET", one + "/exceptions").documented("/api/opportunities/{code}/exceptions").expect(OWNED_READ),
        // each table of the opportunity page as a download: read as its JSON is
        basic("GET", one + "/activities?format=csv").note("as CSV").expect(OWNED_READ),
        basic("GET", one + "/gate-records?format=xlsx").note("as XLSX").expect(OWNED_READ),
        basic("GET", one + "/stages?format=csv").note("as CSV").expect(OWNED_READ),
        basic("GET", one + "/exceptions?format=xlsx").note("as XLSX").expect(OWNED_READ),
        basic("GET", "/api/exceptions/{exceptionId}").documented("/api/exceptions/{id}").expect(OWNED_READ),
        basic("POST", "/api/exceptions/{exceptionId}/approve").documented("/api/exceptions/{id}/approve")
            .json("{\"reason\": \"matrix\"}")
            .expect("rep1=403 rep2=403 expert1=403 manager1=2xx manager2=403 ops1=403 admin=403"),
        basic("POST", "/api/exceptions/{exceptionId}/reject").documented("/api/exceptions/{id}/reject")
            .json("{\"reason\": \"matrix\"}")
            .expect("rep1=403 rep2=403 expert1=403 manager1=2xx manager2=403 ops1=403 admin=403"),
        basic("GET", "/api/rules").documented("/api/rules").expect(SIGNED_IN),
        basic("GET", "/api/rules?table=events&format=csv").note("the audit trail as CSV").expect(SIGNED_IN),
        // a file that is no rule file and an unknown version: the check must come before the input is looked at
        basic("POST", "/api/rules").documented("/api/rules")
            .body("multipart/form-data; boundary=matrix", "--matrix\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--matrix--\r\n")
            .sharedRecords().expect(OPS_BAD_INPUT),
        basic("POST", "/api/rules/preview").documented("/api/rules/preview")
            .body("multipart/form-data; boundary=matrix", "--matrix\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--matrix--\r\n")
            .sharedRecords().expect(OPS_BAD_INPUT),
        basic("POST", "/api/rules/preview?format=csv&table=examples").note("a table of it as CSV")
            .body("multipart/form-data; boundary=matrix", "--matrix\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--matrix--\r\n")
            .sharedRecords().expect(OPS_BAD_INPUT),
        basic("POST", "/api/rules/0000000000000000/activate").documented("/api/rules/{version}/activate")
            .sharedRecords().expect(OPS_NOT_FOUND),
        basic("POST", "/api/imports").documented("/api/imports")
            .body("multipart/form-data; boundary=matrix", "--matrix\r\nContent-Disposition: form-data; name=\"process\"\r\n\r\n"
                + "project-sales-funnel\r\n--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n\r\n--matrix--\r\n")
            .sharedRecords().expect(OPS_BAD_INPUT),
        basic("GET", "/api/imports/{fresh}").documented("/api/imports/{id}").expect(OPS_NOT_FOUND),
        basic("GET", "/api/org-units/members/rep1").documented("/api/org-units/members/{userId}").expect(SIGNED_IN),
        basic("PUT", "/api/org-units/members/{fresh}").documented("/api/org-units/members/{userId}")
            .json("{\"orgUnit\": \"HQ/East/Matrix\"}").expect(OPS),
        basic("GET", "/api/processes").documented("/api/processes").expect(SIGNED_IN),
        basic("GET", "/api/processes/classic-funnel/diagram").documented("/api/processes/{key}/diagram").expect(SIGNED_IN),
        basic("GET", "/api/funnel?owner=rep1&process=project-sales-funnel").documented("/api/funnel").expect(OWNER_FIGURES),
        basic("GET", "/api/funnel?orgUnit=HQ/East&process=project-sales-funnel")
            .expect("rep1=2xx rep2=2xx expert1=2xx manager1=2xx manager2=403 ops1=2xx admin=2xx"),
        basic("GET", "/api/funnel/entries?stage=TARGET&owner=rep1&process=project-sales-funnel").documented("/api/funnel/entries")
            .expect(OWNER_FIGURES),
        basic("GET", "/api/funnel/outcomes?status=WON&owner=rep1&process=project-sales-funnel").documented("/api/funnel/outcomes")
            .expect(OWNER_FIGURES),
        basic("GET", "/api/ideal-funnels/" + PLANNED + "?process=project-sales-funnel").documented("/api/ideal-funnels/{unitAndPeriod}").expect(UNIT_READ),
        basic("PUT", "/api/ideal-funnels/HQ/East/{period}").documented("/api/ideal-funnels/{unitAndPeriod}")
            .json(IDEAL).expect(UNIT_MANAGE),
        basic("GET", "/api/funnel/compare?orgUnit=HQ/East&period=2031-Q1&process=project-sales-funnel").documented("/api/funnel/compare").expect(UNIT_READ),
        basic("GET", "/api/funnel/targets?orgUnit=HQ/East&period=2031-Q1&process=project-sales-funnel").documented("/api/funnel/targets").expect(UNIT_READ),
        basic("GET", "/api/forecast?period=2027-Q1&owner=rep1&process=project-sales-funnel").documented("/api/forecast").expect(OWNER_FIGURES),
        basic("GET", "/api/forecast/backtest?period=2027-Q1&orgUnit=HQ/East&process=project-sales-funnel").documented("/api/forecast/backtest")
            .expect("rep1=2xx rep2=2xx expert1=2xx manager1=2xx manager2=403 ops1=2xx admin=2xx"),
        basic("GET", "/api/warnings?owner=rep1").documented("/api/warnings").expect(OWNER_FIGURES),
        basic("GET", "/api/compliance/violations?orgUnit=HQ/East").documented("/api/compliance/violations").expect(UNIT_MANAGE),
        basic("GET", "/api/compliance/report?orgUnit=HQ/East").documented("/api/compliance/report").expect(UNIT_MANAGE),
        basic("GET", "/api/compliance/exceptions?orgUnit=HQ/East").documented("/api/compliance/exceptions").expect(UNIT_MANAGE),
        basic("GET", "/api/audit/verify").documented("/api/audit/verify")
            .expect("rep1=403 rep2=403 expert1=403 manager1=2xx manager2=2xx ops1=2xx admin=2xx"),
        basic("GET", "/v3/api-docs").expect(SIGNED_IN),
        basic("GET", "/swagger-ui/index.html").expect(SIGNED_IN),
        basic("GET", "/actuator/health").expect("anon=2xx " + SIGNED_IN),
        basic("GET", "/actuator/prometheus").expect(OPS),
        basic("GET", "/actuator/info").expect(OPS));
  }
}
