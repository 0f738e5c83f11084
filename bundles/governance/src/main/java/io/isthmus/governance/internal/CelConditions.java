package io.isthmus.governance.internal;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * Compiles policy conditions: CEL expressions over the variables {@code alert}, {@code finding},
 * {@code asset}, {@code action}, {@code connector} (maps), {@code tenant} (string), {@code time}
 * (timestamp) and {@code lists} (the policy file's named lists), each of type bool.
 */
final class CelConditions {

  /** A condition that did not compile, with the position in the expression (1-based). */
  static final class InvalidCondition extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    InvalidCondition(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /** A compiled condition. */
  interface Condition {
    /** Whether the condition holds; an error (missing key, wrong type) is thrown, not treated as false. */
    boolean test(Map<String, ?> variables) throws CelEvaluationException;
  }

  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .build();

  private final CelCompiler compiler;
  private final CelRuntime runtime;

  CelConditions() {
    MapType map = MapType.create(SimpleType.STRING, SimpleType.DYN);
    compiler = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("alert", map)
        .addVar("finding", map)
        .addVar("asset", map)
        .addVar("action", map)
        .addVar("connector", map)
        .addVar("tenant", SimpleType.STRING)
        .addVar("time", SimpleType.TIMESTAMP)
        .addVar("lists", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)))
        .setResultType(SimpleType.BOOL)
        .build();
    runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  }

  Condition compile(String expression) throws InvalidCondition {
    try {
      CelRuntime.Program program = runtime.createProgram(compiler.compile(expression).getAst());
      return variables -> Boolean.TRUE.equals(program.eval(variables));
    } catch (CelValidationException e) {
      CelIssue first = e.getErrors().isEmpty() ? null : e.getErrors().get(0);
      if (first == null) {
        throw new InvalidCondition(e.getMessage(), 1, 1);
      }
      throw new InvalidCondition(first.getMessage(), Math.max(1, first.getSourceLocation().getLine()),
          first.getSourceLocation().getColumn() + 1);
    } catch (CelEvaluationException e) {
      throw new InvalidCondition(e.getMessage(), 1, 1);
    }
  }
}
