package org.borderledger.query.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.borderledger.query.ReadModelDatabase;
import org.borderledger.query.web.InvalidParameter;
import org.borderledger.query.web.LedgerProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class ReadYourWritesInterceptorTest {

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final ProcessedPositionRepository repository = new ProcessedPositionRepository(database.jdbc());
    final ProcessedPositions positions = new ProcessedPositions(
            repository, new ReadProperties(Duration.ofSeconds(5), Duration.ofMillis(50), 100, 25));
    final ReadYourWritesInterceptor interceptor = new ReadYourWritesInterceptor(positions, Duration.ofMillis(400), 100);
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/markers");
    final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void everyReadCarriesTheHighestProcessedPosition() throws Exception {
        record(7);
        record(9);

        assertThat(interceptor.preHandle(request, response, handler())).isTrue();

        assertThat(response.getHeader(ReadPosition.HEADER)).isEqualTo("9");
        assertThat(request.getAttribute(ReadPosition.ATTRIBUTE)).isEqualTo(9L);
    }

    @Test
    void aReadForAProcessedPositionProceedsAtOnce() throws Exception {
        record(7);
        request.setParameter(ReadPosition.MIN_PARAMETER, "7");

        assertThat(interceptor.preHandle(request, response, handler())).isTrue();
    }

    @Test
    void aReadForAPositionNotProcessedInTimeIsRefusedWithRetryAfter() {
        record(7);
        request.addHeader(ReadPosition.MIN_HEADER, "8");
        long started = System.nanoTime();

        assertThatThrownBy(() -> interceptor.preHandle(request, response, handler()))
                .isInstanceOfSatisfying(LedgerProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.type()).isEqualTo("position-not-reached");
                    assertThat(problem.fields()).containsExactly(ReadPosition.MIN_HEADER);
                    assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(problem.headers().getFirst(ReadPosition.HEADER)).isEqualTo("7");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void oneTokenCannotTakeMoreThanItsShareOfTheWaitingReads() throws Exception {
        ReadYourWritesInterceptor shared = new ReadYourWritesInterceptor(positions, Duration.ofSeconds(30), 4, 2);
        record(7);
        List<CompletableFuture<Boolean>> greedy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            greedy.add(CompletableFuture.supplyAsync(() -> as("greedy", () -> {
                MockHttpServletRequest waitingRead = new MockHttpServletRequest("GET", "/api/markers");
                waitingRead.setParameter(ReadPosition.MIN_PARAMETER, "8");
                return shared.preHandle(waitingRead, new MockHttpServletResponse(), handler());
            })));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (shared.waitingReads() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        request.setParameter(ReadPosition.MIN_PARAMETER, "8");

        assertThatThrownBy(() -> as("greedy", () -> shared.preHandle(request, response, handler())))
                .isInstanceOfSatisfying(TooManyWaitingReads.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("1");
                });
        MockHttpServletRequest another = new MockHttpServletRequest("GET", "/api/markers");
        another.setParameter(ReadPosition.MIN_PARAMETER, "8");
        another.addHeader("Prefer", "wait=1");
        assertThatThrownBy(() -> as("kg-border-guard", () -> shared.preHandle(another, response, handler())))
                .as("another token still gets a waiting slot: it waits its second, then the position is not reached")
                .isInstanceOf(PositionNotReached.class);

        record(8);
        positions.processed(java.util.List.of(8L));
        for (CompletableFuture<Boolean> read : greedy) {
            assertThat(read.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Runs {@code read} on this thread as a token of {@code subject}. */
    private static <T> T as(String subject, Callable<T> read) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(subject, null, "ROLE_UNIT"));
        try {
            return read.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aReadBeyondTheWaitingReadsIsRefusedAtOnceWhileAReadForAProcessedPositionStillProceeds() throws Exception {
        ReadYourWritesInterceptor oneWaiting = new ReadYourWritesInterceptor(positions, Duration.ofSeconds(30), 1);
        record(7);
        MockHttpServletRequest waitingRead = new MockHttpServletRequest("GET", "/api/markers");
        waitingRead.setParameter(ReadPosition.MIN_PARAMETER, "8");
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return oneWaiting.preHandle(waitingRead, new MockHttpServletResponse(), handler());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (oneWaiting.waitingReads() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        request.setParameter(ReadPosition.MIN_PARAMETER, "9");
        long started = System.nanoTime();

        assertThatThrownBy(() -> oneWaiting.preHandle(request, response, handler()))
                .isInstanceOfSatisfying(TooManyWaitingReads.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("1");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        MockHttpServletRequest processed = new MockHttpServletRequest("GET", "/api/markers");
        processed.setParameter(ReadPosition.MIN_PARAMETER, "7");
        assertThat(oneWaiting.preHandle(processed, new MockHttpServletResponse(), handler()))
                .isTrue();

        record(8);
        positions.processed(java.util.List.of(8L));
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aClientMayPreferAShorterWaitButNotALongerOne() {
        request.setParameter(ReadPosition.MIN_PARAMETER, "8");
        request.addHeader("Prefer", "wait=0");
        long started = System.nanoTime();

        assertThatThrownBy(() -> interceptor.preHandle(request, response, handler()))
                .isInstanceOf(PositionNotReached.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));

        request.removeHeader("Prefer");
        request.addHeader("Prefer", "wait=60");
        long again = System.nanoTime();
        assertThatThrownBy(() -> interceptor.preHandle(request, response, handler()))
                .isInstanceOf(PositionNotReached.class);
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aPositionThatIsNotANumberIsABadRequestNamingTheParameter() {
        request.setParameter(ReadPosition.MIN_PARAMETER, "soon");

        assertThatThrownBy(() -> interceptor.preHandle(request, response, handler()))
                .isInstanceOfSatisfying(InvalidParameter.class, problem -> assertThat(problem.fields())
                        .containsExactly(ReadPosition.MIN_PARAMETER));
    }

    private static HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
    }

    /** A position as the projection records it. */
    private void record(long position) {
        database.jdbc()
                .sql(
                        "INSERT INTO processed_position (position, event_id, event_type) VALUES (:position, :id, 'MarkerPlanned')")
                .param("position", position)
                .param("id", "e" + position)
                .update();
    }
}
