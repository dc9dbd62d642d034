package org.leain.stream.lvk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.contracts.AlertType;
import org.leain.stream.lvk.NoticeVersioning.Outcome;
import org.leain.stream.lvk.NoticeVersioning.Verdict;

class NoticeVersioningTest {

  private static SupereventState state(int version, AlertType type, long created) {
    return new SupereventState(version, type, created, "d" + version, type == AlertType.RETRACTION);
  }

  @Test
  void firstNotice_ofAnyType_isVersionOne() {
    Verdict verdict = NoticeVersioning.decide(Optional.empty(), AlertType.INITIAL, 5, "x");
    assertEquals(Outcome.ACCEPTED, verdict.outcome());
    assertEquals(1, verdict.state().version());
  }

  @ParameterizedTest(name = "{0}@{1} after {2}@{3} is {4}")
  @CsvSource({
      "PRELIMINARY, 100, EARLYWARNING, 200, ACCEPTED",
      "INITIAL, 100, PRELIMINARY, 200, ACCEPTED",
      "UPDATE, 100, INITIAL, 200, ACCEPTED",
      "PRELIMINARY, 300, INITIAL, 200, STALE",
      "EARLYWARNING, 900, UPDATE, 100, STALE",
      "UPDATE, 300, UPDATE, 200, ACCEPTED",
      "UPDATE, 100, UPDATE, 200, STALE",
      "PRELIMINARY, 250, PRELIMINARY, 200, ACCEPTED",
  })
  void typeRanksFirst_thenTimeCreated(AlertType incoming, long incomingCreated, AlertType current, long currentCreated,
      Outcome expected) {
    Verdict verdict = NoticeVersioning.decide(Optional.of(state(3, current, currentCreated)), incoming, incomingCreated, "new");
    assertEquals(expected, verdict.outcome());
    assertEquals(expected == Outcome.ACCEPTED ? 4 : 3, verdict.state().version());
  }

  @Test
  void equalRankAndTime_sameContent_isDuplicate_differentContent_laterArrivalWins() {
    SupereventState current = new SupereventState(2, AlertType.INITIAL, 100, "abc", false);
    assertEquals(Outcome.DUPLICATE, NoticeVersioning.decide(Optional.of(current), AlertType.INITIAL, 100, "abc").outcome());
    Verdict changed = NoticeVersioning.decide(Optional.of(current), AlertType.INITIAL, 100, "abd");
    assertEquals(Outcome.ACCEPTED, changed.outcome());
    assertEquals(3, changed.state().version());
  }

  @Test
  void retraction_winsEvenWhenCreatedEarlier_andIsSticky() {
    Verdict retracted = NoticeVersioning.decide(Optional.of(state(4, AlertType.UPDATE, 500)), AlertType.RETRACTION, 10, "r");
    assertEquals(Outcome.ACCEPTED, retracted.outcome());
    assertTrue(retracted.state().retracted());
    assertEquals(5, retracted.state().version());
    for (AlertType later : AlertType.values()) {
      Verdict after = NoticeVersioning.decide(Optional.of(retracted.state()), later, 10_000, "z");
      assertEquals(Outcome.AFTER_RETRACTION, after.outcome(), later.name());
      assertEquals(retracted.state(), after.state());
    }
  }

  @Test
  void storedState_roundTripsThroughBytes() {
    SupereventState original = new SupereventState(7, AlertType.UPDATE, 1_541_111_689_000L, "0f1e", false);
    assertEquals(original, SupereventState.fromBytes(original.toBytes()));
  }
}
