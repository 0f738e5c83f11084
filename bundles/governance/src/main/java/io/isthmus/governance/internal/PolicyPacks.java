package io.isthmus.governance.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds a pack from a bundle's policy files; any problem in any file refuses the whole pack. */
final class PolicyPacks {

  private PolicyPacks() {}

  /**
   * @param files file name to content
   * @param problems where problems go (may already hold some, which refuse the pack too)
   * @return the pack, or {@code null} if there is any problem
   */
  static @Nullable PolicyPack read(CelConditions cel, String bundle, String version, Map<String, String> files,
      List<String> problems) {
    List<PolicyPack.Rule> rules = new ArrayList<>();
    List<PolicyPack.Recommendation> recommendations = new ArrayList<>();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      PolicyFileParser.Parsed parsed = new PolicyFileParser(cel, f.getKey(), problems).parse(f.getValue());
      if (parsed == null) {
        continue;
      }
      for (PolicyPack.Rule r : parsed.rules()) {
        if (!ids.add("rule:" + r.id())) {
          problems.add(r.source() + ": rule id '" + r.id() + "' is used twice in this bundle");
        }
      }
      for (PolicyPack.Recommendation r : parsed.recommendations()) {
        if (!ids.add("recommendation:" + r.id())) {
          problems.add(r.source() + ": recommendation id '" + r.id() + "' is used twice in this bundle");
        }
      }
      rules.addAll(parsed.rules());
      recommendations.addAll(parsed.recommendations());
      // Lists are shared by the bundle's files; a later file may not redefine one.
      for (Map.Entry<String, List<String>> l : parsed.lists().entrySet()) {
        if (lists.putIfAbsent(l.getKey(), l.getValue()) != null) {
          problems.add(f.getKey() + ":1: list '" + l.getKey() + "' is defined in two files");
        }
      }
    }
    return problems.isEmpty() ? new PolicyPack(bundle, version, rules, recommendations, lists) : null;
  }

  static List<String> ruleIds(PolicyPack pack) {
    List<String> out = new ArrayList<>();
    pack.recommendations().forEach(r -> out.add("recommendation:" + r.id()));
    pack.rules().forEach(r -> out.add("rule:" + r.id()));
    return out;
  }
}
