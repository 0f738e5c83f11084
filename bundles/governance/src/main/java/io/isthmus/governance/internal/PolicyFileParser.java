package io.isthmus.governance.internal;

import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.Decision;
import io.isthmus.governance.internal.CelConditions.Condition;
import io.isthmus.governance.internal.CelConditions.InvalidCondition;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one policy file (YAML; see policies/README.md) into rules and recommendations, compiling
 * every condition. Every problem is collected as {@code file:line: reason}; a file with any problem
 * yields nothing. Only the YAML node tree is built, never objects of classes the file names.
 */
final class PolicyFileParser {

  /** What one file holds. */
  record Parsed(List<PolicyPack.Rule> rules, List<PolicyPack.Recommendation> recommendations,
      Map<String, List<String>> lists) {}

  private static final Set<String> TOP = Set.of("lists", "rules", "recommendations");
  private static final Set<String> RULE = Set.of("id", "priority", "when", "outcome", "approval", "reason");
  private static final Set<String> APPROVAL = Set.of("approvers", "role", "expires");
  private static final Set<String> RECOMMENDATION = Set.of("id", "priority", "when", "action", "connector", "parameters");
  static final Duration DEFAULT_EXPIRY = Duration.ofHours(4);

  private final CelConditions cel;
  private final String file;
  private final List<String> problems;
  private String[] lines = new String[0];

  PolicyFileParser(CelConditions cel, String file, List<String> problems) {
    this.cel = cel;
    this.file = file;
    this.problems = problems;
  }

  /** The file's content, or {@code null} if it has problems (added to the list given to the constructor). */
  @Nullable Parsed parse(String text) {
    int before = problems.size();
    lines = text.split("\\R", -1);
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      problems.add(file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
      return null;
    } catch (YAMLException e) {
      problems.add(file + ":1: not valid YAML: " + e.getMessage());
      return null;
    }
    if (!(root instanceof MappingNode top)) {
      problem(root, "a policy file is a mapping with 'rules', 'recommendations' and 'lists'");
      return null;
    }
    Map<String, Node> keys = keys(top, TOP);
    Map<String, List<String>> lists = new LinkedHashMap<>();
    if (keys.get("lists") instanceof MappingNode l) {
      for (NodeTuple t : l.getValue()) {
        lists.put(scalar(t.getKeyNode()), strings(t.getValueNode()));
      }
    } else if (keys.containsKey("lists")) {
      problem(keys.get("lists"), "'lists' maps names to lists of strings");
    }
    List<PolicyPack.Rule> rules = new ArrayList<>();
    for (MappingNode m : entries(keys.get("rules"), "rules")) {
      PolicyPack.Rule r = rule(m);
      if (r != null) {
        rules.add(r);
      }
    }
    List<PolicyPack.Recommendation> recommendations = new ArrayList<>();
    for (MappingNode m : entries(keys.get("recommendations"), "recommendations")) {
      PolicyPack.Recommendation r = recommendation(m);
      if (r != null) {
        recommendations.add(r);
      }
    }
    if (rules.isEmpty() && recommendations.isEmpty() && problems.size() == before) {
      problem(top, "no rules and no recommendations");
    }
    return problems.size() == before ? new Parsed(rules, recommendations, lists) : null;
  }

  private PolicyPack.@Nullable Rule rule(MappingNode m) {
    Map<String, Node> k = keys(m, RULE);
    String id = required(m, k, "id");
    Condition when = condition(m, k);
    Decision.Outcome outcome = enumValue(m, k, "outcome", Decision.Outcome.class);
    int approvers = 1;
    String role = null;
    Duration expiry = DEFAULT_EXPIRY;
    if (k.get("approval") instanceof MappingNode a) {
      Map<String, Node> ak = keys(a, APPROVAL);
      approvers = ak.containsKey("approvers") ? integer(ak.get("approvers"), 1, 10) : 1;
      role = ak.containsKey("role") ? scalar(ak.get("role")) : null;
      if (ak.containsKey("expires")) {
        try {
          expiry = Duration.parse(scalar(ak.get("expires")));
          if (expiry.isNegative() || expiry.isZero()) {
            problem(ak.get("expires"), "'expires' must be a positive duration");
          }
        } catch (DateTimeParseException e) {
          problem(ak.get("expires"), "'expires' is an ISO-8601 duration such as PT4H, not " + scalar(ak.get("expires")));
        }
      }
      if (outcome != null && outcome != Decision.Outcome.REQUIRE_APPROVAL) {
        problem(a, "'approval' only goes with outcome REQUIRE_APPROVAL");
      }
    } else if (k.containsKey("approval")) {
      problem(k.get("approval"), "'approval' is a mapping with approvers, role and expires");
    }
    int priority = k.containsKey("priority") ? integer(k.get("priority"), -1_000_000, 1_000_000) : 0;
    String reason = k.containsKey("reason") ? scalar(k.get("reason")) : "policy rule " + id;
    if (id == null || when == null || outcome == null) {
      return null;
    }
    return new PolicyPack.Rule(id, priority, when, outcome, approvers, role, expiry, reason, where(m));
  }

  private PolicyPack.@Nullable Recommendation recommendation(MappingNode m) {
    Map<String, Node> k = keys(m, RECOMMENDATION);
    String id = required(m, k, "id");
    Condition when = condition(m, k);
    ActionKind action = enumValue(m, k, "action", ActionKind.class);
    int priority = k.containsKey("priority") ? integer(k.get("priority"), -1_000_000, 1_000_000) : 0;
    String connector = k.containsKey("connector") ? scalar(k.get("connector")) : null;
    Map<String, String> parameters = new HashMap<>();
    if (k.get("parameters") instanceof MappingNode p) {
      p.getValue().forEach(t -> parameters.put(scalar(t.getKeyNode()), scalar(t.getValueNode())));
    }
    if (id == null || when == null || action == null) {
      return null;
    }
    return new PolicyPack.Recommendation(id, priority, when, action, connector, parameters, where(m));
  }

  private @Nullable Condition condition(MappingNode m, Map<String, Node> k) {
    String expression = required(m, k, "when");
    if (expression == null) {
      return null;
    }
    try {
      return cel.compile(expression);
    } catch (InvalidCondition e) {
      ScalarNode node = (ScalarNode) k.get("when");
      int line = switch (node.getScalarStyle()) {
        case LITERAL -> node.getStartMark().getLine() + 1 + e.line;
        case FOLDED -> foldedLine(node.getStartMark().getLine() + 1, e.column);
        default -> node.getStartMark().getLine() + e.line;
      };
      String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").trim();
      problems.add(file + ":" + line + ": condition does not compile (column " + e.column + "): " + message);
      return null;
    }
  }

  /**
   * The file line (1-based) of a column of a folded scalar, whose lines YAML joined with single
   * spaces; {@code first} is the 0-based index of its first content line.
   */
  private int foldedLine(int first, int column) {
    int offset = 0;
    for (int i = first; i < lines.length; i++) {
      offset += lines[i].trim().length() + 1;
      if (column <= offset) {
        return i + 1;
      }
    }
    return first + 1;
  }

  private Map<String, Node> keys(MappingNode m, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode());
      if (!allowed.contains(key)) {
        problem(t.getKeyNode(), "unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
      } else {
        out.put(key, t.getValueNode());
      }
    }
    return out;
  }

  private List<MappingNode> entries(@Nullable Node node, String what) {
    List<MappingNode> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SequenceNode s)) {
      problem(node, "'" + what + "' is a list");
      return out;
    }
    for (Node n : s.getValue()) {
      if (n instanceof MappingNode m) {
        out.add(m);
      } else {
        problem(n, "each entry of '" + what + "' is a mapping");
      }
    }
    return out;
  }

  private @Nullable String required(Node owner, Map<String, Node> k, String key) {
    if (!k.containsKey(key)) {
      problem(owner, "'" + key + "' is missing");
      return null;
    }
    String value = scalar(k.get(key));
    if (value.isBlank()) {
      problem(k.get(key), "'" + key + "' is empty");
      return null;
    }
    return value;
  }

  private <E extends Enum<E>> @Nullable E enumValue(Node owner, Map<String, Node> k, String key, Class<E> type) {
    String value = required(owner, k, key);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(k.get(key), "'" + key + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not " + value);
      return null;
    }
  }

  private int integer(Node node, int min, int max) {
    try {
      int value = Integer.parseInt(scalar(node).trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(node, "expected a whole number from " + min + " to " + max + ", not " + scalar(node));
    return min;
  }

  private List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    if (node instanceof SequenceNode s) {
      s.getValue().forEach(n -> out.add(scalar(n)));
    } else {
      problem(node, "expected a list of strings");
    }
    return out;
  }

  private String scalar(Node node) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    problem(node, "expected a single value");
    return "";
  }

  private String where(Node node) {
    return file + ":" + (node.getStartMark().getLine() + 1);
  }

  private void problem(Node node, String reason) {
    problems.add(where(node) + ": " + reason);
  }
}
