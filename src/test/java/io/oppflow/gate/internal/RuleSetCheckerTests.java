package io.oppflow.gate.internal;

import io.oppflow.gate.RuleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allowlist check of uploaded rules: hostile rule files are refused naming file, rule and construct,
 * and nothing of them is compiled; the shipped rules pass as they are.
 */
class RuleSetCheckerTests {

  /** Where a hostile rule would leave its mark if any of it ran. */
  static final Path MARK = Path.of("target", "hostile-rule-ran.txt");

  private static final String HEADER = """
      package hostile;
      import io.oppflow.gate.GateRequest;
      import io.oppflow.gate.Finding;
      import io.oppflow.opportunity.*;
      """;

  private static final String GATE = "GateRequest( process == \"project-sales-funnel\", stage == \"TARGET\" )\n";
  private static final String WRITE = "java.nio.file.Files.writeString( java.nio.file.Path.of( \"" + MARK + "\" ), \"x\" )";
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  /** A rule whose conditions are {@code when} and whose consequence is {@code then}. */
  static String rule(String name, String when, String then) {
    return HEADER + "rule \"" + name + "\"\nwhen\n" + GATE + when + "\nthen\n" + then + "\nend\n";
  }

  static Stream<Arguments> hostileRules() {
    String finding = "insert( Finding.warning( \"H-1\", \"中\", \"en\" ) );";
    return Stream.of(
        Arguments.of("System.exit in a consequence", rule("H exit", "", "System.exit( 1 );"), "static-call"),
        Arguments.of("a file written in a consequence", rule("H write", "", WRITE + ";"), "static-call"),
        Arguments.of("a file written in a condition", rule("H write when",
            "Opportunity( name != null || " + WRITE + " != null )", finding), "static-call"),
        Arguments.of("a file writer created in a condition", rule("H writer",
            "Opportunity( new java.io.FileWriter( \"" + MARK + "\" ).toString() != null )", finding), "new"),
        Arguments.of("a socket opened in a consequence", rule("H socket", "", "new java.net.Socket( \"localhost\", 9 );"), "new"),
        Arguments.of("a URL read in a condition", rule("H url",
            "Opportunity( new java.net.URL( \"http://localhost:9/\" ).openStream() != null )", finding), "new"),
        Arguments.of("reflection with Class.forName", rule("H forName",
            "Opportunity( Class.forName( \"java.lang.Runtime\" ) != null )", finding), "static-call"),
        Arguments.of("reflection through getClass()", rule("H getClass",
            "Opportunity( this.getClass().getClassLoader() != null )", finding), "method-call"),
        Arguments.of("reflection through a getter-looking property", rule("H declaringClass",
            "Opportunity( vendorStatus.declaringClass.classLoader != null )", finding), "property"),
        Arguments.of("a static call hidden in a condition", rule("H hidden",
            "Opportunity( name == String.valueOf( Runtime.getRuntime().exec( \"true\" ) ) )", finding), "static-call"),
        Arguments.of("a setter called in a condition", rule("H setter",
            "Opportunity( customer.setName( \"x\" ) == null )", finding), "method-call"),
        Arguments.of("Runtime in a consequence", rule("H runtime", "", "Runtime.getRuntime().exec( \"true\" );"), "static-call"),
        Arguments.of("Thread in a consequence", rule("H thread", "", "Thread.sleep( 100000 );"), "static-call"),
        Arguments.of("a function", HEADER + "function String f() { return \"x\"; }\n"
            + "rule \"H function\"\nwhen\n" + GATE + "Opportunity( name == f() )\nthen\nend\n", "function"),
        Arguments.of("a global", HEADER + "global java.util.List sink;\n" + rule("H global", "", "sink.add( 1 );").substring(HEADER.length()), "global"),
        Arguments.of("a query", HEADER + "query \"H query\"\n  $o : Opportunity()\nend\n", "query"),
        Arguments.of("eval", rule("H eval", "eval( " + WRITE + " != null )", finding), "eval"),
        Arguments.of("from over a call", rule("H from",
            "Contact() from java.nio.file.Files.readAllLines( java.nio.file.Path.of( \"/etc/passwd\" ) )", finding), "from"),
        Arguments.of("an import of a non-gate type", "package hostile;\nimport java.io.File;\n"
            + rule("H import", "", "").substring(HEADER.length()), "import"),
        Arguments.of("accumulate with custom code", rule("H accumulate",
            "Number() from accumulate( Activity(), init( int c = 0; ) action( c++; ) result( c ) )", finding), "accumulate"),
        Arguments.of("collect", rule("H collect", "java.util.List() from collect( Activity() )", finding), "collect"),
        Arguments.of("the MVEL dialect", HEADER + "rule \"H mvel\" dialect \"mvel\"\nwhen\n" + GATE + "then\nend\n", "attribute-dialect"),
        Arguments.of("an expression as salience", HEADER + "rule \"H salience\" salience ( " + WRITE + ".length() )\nwhen\n"
            + GATE + "then\nend\n", "attribute-salience"),
        Arguments.of("a timer", HEADER + "rule \"H timer\" timer ( int: 1s )\nwhen\n" + GATE + "then\nend\n", "attribute-timer"),
        Arguments.of("modify of a fact", rule("H modify", "$o : Opportunity()", "modify( $o ) { setName( \"x\" ) };"), "modify"),
        Arguments.of("the drools context", rule("H drools", "", "drools.getKieRuntime().halt();"), "drools-context"),
        Arguments.of("the kcontext", rule("H kcontext", "", "kcontext.getKieRuntime().halt();"), "drools-context"),
        Arguments.of("a method of a bound fact in a consequence", rule("H bound call", "$o : Opportunity()",
            "$o.getCustomer().setName( \"x\" );"), "method-call"),
        Arguments.of("a Unicode escape that closes a string", rule("H unicode", "",
            "insert( Finding.warning( \"H\\u0022 + System.exit( 0 ) + \\u0022\", \"中\", \"en\" ) );"), "unicode-escape"),
        Arguments.of("a type declaration", HEADER + "declare Sneaky\n  name : String\nend\n"
            + rule("H declare", "", "").substring(HEADER.length()), "declare"),
        Arguments.of("a package of the service's code", rule("H package", "", "").replace("package hostile;",
            "package io.oppflow.gate;"), "package"),
        Arguments.of("an index or inline collection", rule("H index", "Opportunity( customerProjectTeam[0] != null )", finding), "index"),
        Arguments.of("an MVEL inline cast", rule("H cast", "Opportunity( customer#Customer.name != null )", finding), "inline-cast"),
        Arguments.of("a regular expression", rule("H matches", "Opportunity( name matches \"(a+)+$\" )", finding), "operator-matches"),
        Arguments.of("an entry point", rule("H entry", "Opportunity() from entry-point \"side\"", finding), "entrypoint"),
        Arguments.of("a fact type outside the model", rule("H type", "java.io.File()", finding), "fact-type"),
        Arguments.of("a binding without $", rule("H binding", "o : Opportunity()", finding), "binding"),
        Arguments.of("a condition nested too deeply", rule("H nesting",
            "Opportunity( " + "(".repeat(70) + "name == \"x\"" + ")".repeat(70) + " )", finding), "nesting"),
        Arguments.of("a rule annotation", HEADER + "rule \"H annotation\" @Propagation(IMMEDIATE)\nwhen\n" + GATE + "then\nend\n", "annotation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRules")
  void shouldRefuseAHostileRuleNamingFileRuleAndConstructAndCompileNothing(String what, String drl, String construct)
      throws Exception {
    TRIED.incrementAndGet();
    RuleSetFiles files = withShipped("hostile/rule.drl", drl.getBytes(StandardCharsets.UTF_8));

    RuleSetChecker.Result checked = RuleSetChecker.check(files);

    assertThat(checked.unreadable()).as("parsed by Drools").isEmpty();
    assertThat(checked.violations()).as(what).anySatisfy(v -> {
      assertThat(v.file()).isEqualTo("hostile/rule.drl");
      assertThat(v.construct()).isEqualTo(construct);
      assertThat(v.message().zh()).isNotBlank();
      assertThat(v.message().en()).isNotBlank();
    });
    assertThat(checked.violations()).as("every refusal outside the shipped files").allSatisfy(v ->
        assertThat(v.file()).isEqualTo("hostile/rule.drl"));
    if (!Set.of("import", "declare", "query", "package").contains(construct)) {
      assertThat(checked.violations()).extracting(RuleSetChecker.Violation::rule).anySatisfy(r -> assertThat(r).startsWith("H "));
    }
    assertThatThrownBy(() -> RuleSet.compile(files)).isInstanceOf(UnsafeRuleSetException.class);
    assertThat(Files.exists(MARK)).isFalse();
    REFUSED.incrementAndGet();
  }

  @AfterAll
  static void report() {
    System.out.println("Hostile rules tried: " + TRIED.get() + ", refused: " + REFUSED.get());
  }

  @Test
  void shouldPassEveryShippedRuleAsItIs() {
    RuleSetChecker.Result checked = RuleSetChecker.check(RuleFiles.read(Path.of("rules")));

    assertThat(checked.unreadable()).isEmpty();
    assertThat(checked.violations()).isEmpty();
  }

  @Test
  void shouldReadTheCoveredGatesFromTheCompiledRules() {
    RuleSet rules = RuleSet.compile(new RuleSetFiles(Map.of("demo/gates.drl", (HEADER + """
        rule "TWO stages at once"
        when
          GateRequest( process == "demo", stage in ( "ONE", "TWO" ) )
        then
        end
        rule "not a gate: the request is only excluded"
        when
          not( GateRequest( process == "demo", stage == "THREE" ) )
        then
        end
        rule "not a gate: the stage is not a literal"
        when
          GateRequest( process == "demo", stage != "FOUR" )
        then
        end
        rule "not a gate: every gate"
        when
          GateRequest()
        then
        end
        rule "FIVE or SIX, written as two alternatives"
        when
          GateRequest( process == "demo", stage == "FIVE" ) or GateRequest( process == "demo", stage == "SIX" )
        then
        end
        """).getBytes(StandardCharsets.UTF_8))));

    assertThat(rules.covers("demo", "ONE")).isTrue();
    assertThat(rules.covers("demo", "TWO")).isTrue();
    assertThat(rules.covers("demo", "FIVE")).isTrue();
    assertThat(rules.covers("demo", "SIX")).isTrue();
    assertThat(rules.covers("demo", "THREE")).as("only excluded").isFalse();
    assertThat(rules.covers("demo", "SEVEN")).as("stage != FOUR runs at every stage but names none").isFalse();
    assertThat(rules.covers("other", "ONE")).isFalse();
  }

  @Test
  void shouldAllowConditionsOverModelPropertiesAndTheNamedPureHelpers() {
    String drl = rule("OK helpers", """
        $r : GateRequest( $today : today )
        $o : Opportunity( expectedCloseDate != null, expectedCloseDate.plusDays( 30 ).isAfter( $today ),
                          customerProjectTeam.size() >= 2, !competitors.isEmpty(), needs != null, needs.length() > 3,
                          needs.toLowerCase().contains( "erp" ), amount != null, amount.compareTo( BigDecimal.ZERO ) > 0,
                          vendorStatus in ( VendorStatus.SHORTLISTED, VendorStatus.SOLE ), customer.headcount > 10 && < 5000 )
        Contact( decisionMaker, $name : name, name.startsWith( "王" ) ) from $o.customerProjectTeam
        exists( Activity( opportunityCode == $o.code, date.isBefore( $today ), type == ActivityType.DEMO ) )
        """, "insert( Finding.warning( \"OK-1\", \"决策人 \" + $name, \"decision maker \" + $name ) );");

    drl = drl.replace("import io.oppflow.gate.Finding;", "import io.oppflow.gate.Finding;\nimport java.math.BigDecimal;");
    RuleSetChecker.Result checked = RuleSetChecker.check(new RuleSetFiles(Map.of("ok/helpers.drl", drl.getBytes(StandardCharsets.UTF_8))));

    assertThat(checked.violations()).isEmpty();
    assertThat(RuleSet.compile(new RuleSetFiles(Map.of("ok/helpers.drl", drl.getBytes(StandardCharsets.UTF_8))))
        .covers("project-sales-funnel", "TARGET")).isTrue();
  }

  @Test
  void shouldRefuseADecisionTableWhoseActionCellRunsCode() {
    String table = String.join("\n",
        "\"RuleSet\",\"projectsales\"",
        "\"Import\",\"io.oppflow.gate.GateRequest, io.oppflow.gate.Finding, io.oppflow.opportunity.Opportunity\"",
        "\"RuleTable TARGET regions\"",
        "\"CONDITION\",\"CONDITION\",\"ACTION\"",
        "\"GateRequest\",\"Opportunity\",\"\"",
        "\"process == \"\"$1\"\", stage == \"\"$2\"\"\",\"region == \"\"$param\"\"\",\"" + WRITE.replace("\"", "\"\"") + ";\"",
        "\"Gate\",\"Region\",\"Finding\"",
        "\"project-sales-funnel,TARGET\",\"Atlantis\",\"x\"",
        "");

    RuleSetChecker.Result checked = RuleSetChecker.check(withShipped("projectsales/regions.drl.csv",
        table.getBytes(StandardCharsets.UTF_8)));

    assertThat(checked.violations()).singleElement().satisfies(v -> {
      assertThat(v.file()).isEqualTo("projectsales/regions.drl.csv");
      assertThat(v.rule()).contains("TARGET regions");
      assertThat(v.construct()).isEqualTo("static-call");
    });
  }

  @Test
  void shouldNameAnUnreadableDecisionTableWithoutAStackTrace() {
    RuleSetChecker.Result notAWorkbook = RuleSetChecker.check(withShipped("projectsales/table.drl.xlsx",
        "this is not a workbook".getBytes(StandardCharsets.UTF_8)));
    RuleSetChecker.Result noRuleTable = RuleSetChecker.check(withShipped("projectsales/table.drl.csv",
        "\"RuleSet\",\"projectsales\"\n\"just\",\"cells\"\n".getBytes(StandardCharsets.UTF_8)));

    for (RuleSetChecker.Result result : List.of(notAWorkbook, noRuleTable)) {
      assertThat(result.unreadable()).singleElement().satisfies(p -> {
        assertThat(p.file()).startsWith("projectsales/table.drl.");
        assertThat(p.message()).contains("decision table").doesNotContain("Exception").doesNotContain("at org.");
      });
    }
  }

  private static RuleSetFiles withShipped(String path, byte[] content) {
    Map<String, byte[]> files = new TreeMap<>(RuleFiles.read(Path.of("rules")).all());
    files.put(path, content);
    return new RuleSetFiles(files);
  }
}
