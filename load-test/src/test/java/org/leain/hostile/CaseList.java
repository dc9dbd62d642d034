package org.leain.hostile;

import java.util.ArrayList;
import java.util.List;
import org.leain.hostile.HostileCase.Owner;
import org.leain.hostile.HostileCase.Recipe;

/** The cases a family adds, with their bytes (null for cases built on the fly). */
final class CaseList {

  /** One case and its committed bytes (null when {@link HostileCase#generated()} is set). */
  record Entry(HostileCase hostileCase, byte[] bytes) {}

  private final List<Entry> entries = new ArrayList<>();

  void add(String name, String topic, String key, Owner owner, String expected, String dlqReason,
      String description, byte[] bytes) {
    entries.add(new Entry(new HostileCase(name, topic, key, owner, expected, null, dlqReason, description,
        null, HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of()), bytes));
  }

  void add(HostileCase hostileCase, byte[] bytes) {
    entries.add(new Entry(hostileCase, bytes));
  }

  void generated(String name, String topic, String key, Owner owner, String expected, String cause,
      String dlqReason, String description, Recipe recipe, int maxAllocatedMiB) {
    entries.add(new Entry(new HostileCase(name, topic, key, owner, expected, cause, dlqReason, description,
        recipe, maxAllocatedMiB, List.of()), null));
  }

  List<Entry> entries() {
    return entries;
  }
}
