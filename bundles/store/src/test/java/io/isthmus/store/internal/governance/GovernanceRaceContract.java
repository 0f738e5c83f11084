package io.isthmus.store.internal.governance;

import static io.isthmus.store.internal.governance.GovernanceStoreContract.T0;
import static io.isthmus.store.internal.governance.GovernanceStoreContract.WINDOW;
import static io.isthmus.store.internal.governance.GovernanceStoreContract.pending;
import static io.isthmus.store.internal.governance.GovernanceStoreContract.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval.Verdict;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.ApprovalOutcome.Status;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.store.internal.SqlDatabase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers that meet on one action at the same moment, each on its own connection, released together
 * by a barrier: the database decides, and the outcomes the callers are told agree with what is stored.
 */
abstract class GovernanceRaceContract {

  private static final int ROUNDS = 25;

  private JdbcGovernanceStore store;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  abstract DataSource openDatabase();

  void prepareDatabase() throws Exception {}

  @BeforeEach
  void migrate() throws Exception {
    prepareDatabase();
    new SqlDatabase(openDatabase()).migrate(JdbcGovernanceStore.AREA);
    store = new JdbcGovernanceStore(openDatabase());
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private <A, B> List<Object> together(Callable<A> first, Callable<B> second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Future<A> a = threads.submit(() -> {
      start.await();
      return first.call();
    });
    Future<B> b = threads.submit(() -> {
      start.await();
      return second.call();
    });
    return List.of(a.get(), b.get());
  }

  @Test
  void twoApproversAtOnceOnOneOfOne() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = "one-of-one-" + round;
      store.propose(pending(id, 1, null));
      Instant t = T0.plusSeconds(10);
      List<Object> outcomes = together(() -> store.addVerdict(verdict(id, "alice", Verdict.APPROVE, t)),
          () -> store.addVerdict(verdict(id, "bob", Verdict.APPROVE, t)));
      List<Status> statuses = outcomes.stream().map(o -> ((ApprovalOutcome) o).status()).sorted().toList();
      assertEquals(List.of(Status.APPROVED, Status.NOT_PENDING), statuses, "round " + round);
      GovernedAction stored = store.find(id).orElseThrow();
      assertEquals(ActionState.APPROVED, stored.state());
      assertEquals(1, stored.approvals().size(), "the loser's verdict is not stored");
    }
  }

  @Test
  void twoApproversAtOnceOnTwoOfThree() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = "two-of-three-" + round;
      store.propose(pending(id, 2, null));
      Instant t = T0.plusSeconds(10);
      List<Object> outcomes = together(() -> store.addVerdict(verdict(id, "alice", Verdict.APPROVE, t)),
          () -> store.addVerdict(verdict(id, "bob", Verdict.APPROVE, t)));
      List<Status> statuses = outcomes.stream().map(o -> ((ApprovalOutcome) o).status()).sorted().toList();
      assertEquals(List.of(Status.RECORDED, Status.APPROVED), statuses, "round " + round + ": both count, one completes");
      assertEquals(ActionState.APPROVED, store.find(id).orElseThrow().state());
      assertEquals(2, store.find(id).orElseThrow().approvalCount());
    }
  }

  @Test
  void approveAndExpireAtTheSameMoment() throws Exception {
    Instant expiry = T0.plus(WINDOW);
    int approved = 0;
    int expired = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String id = "race-" + round;
      store.propose(pending(id, 1, null));
      // Each alone would succeed: the approval is in time by its clock, the expiry is due by its own.
      List<Object> outcomes = together(
          () -> store.addVerdict(verdict(id, "alice", Verdict.APPROVE, expiry.minusNanos(1000))),
          () -> store.expire(expiry.plusSeconds(1)));
      Status approval = ((ApprovalOutcome) outcomes.get(0)).status();
      boolean expiredIt = ((List<?>) outcomes.get(1)).stream().anyMatch(g -> ((GovernedAction) g).id().equals(id));
      GovernedAction stored = store.find(id).orElseThrow();
      boolean claimable = store.claim(id, expiry.plusSeconds(2)).isPresent();
      if (approval == Status.APPROVED) {
        approved++;
        assertTrue(!expiredIt && stored.state() == ActionState.APPROVED && claimable, "round " + round + ": approval won");
      } else {
        expired++;
        assertEquals(Status.EXPIRED, approval, "round " + round);
        assertTrue(expiredIt && stored.state() == ActionState.EXPIRED && !claimable && stored.approvals().isEmpty(),
            "round " + round + ": expiry won and no approval is stored");
      }
    }
    assertEquals(ROUNDS, approved + expired);
  }
}
