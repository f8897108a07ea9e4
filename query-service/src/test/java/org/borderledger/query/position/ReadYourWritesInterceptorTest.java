package org.borderledger.query.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.borderledger.query.ReadModelDatabase;
import org.borderledger.query.web.InvalidParameter;
import org.borderledger.query.web.LedgerProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class ReadYourWritesInterceptorTest {

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final ProcessedPositionRepository repository = new ProcessedPositionRepository(database.jdbc());
    final ProcessedPositions positions =
            new ProcessedPositions(repository, new ReadProperties(Duration.ofSeconds(5), Duration.ofMillis(50)));
    final ReadYourWritesInterceptor interceptor = new ReadYourWritesInterceptor(positions, Duration.ofMillis(400));
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/markers");
    final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void everyReadCarriesTheHighestProcessedPosition() throws Exception {
        repository.record(7, "e7", "MarkerPlanned", "314", Instant.now());
        repository.record(9, "e9", "MarkerPlanned", "315", Instant.now());

        assertThat(interceptor.preHandle(request, response, handler())).isTrue();

        assertThat(response.getHeader(ReadPosition.HEADER)).isEqualTo("9");
        assertThat(request.getAttribute(ReadPosition.ATTRIBUTE)).isEqualTo(9L);
    }

    @Test
    void aReadForAProcessedPositionProceedsAtOnce() throws Exception {
        repository.record(7, "e7", "MarkerPlanned", "314", Instant.now());
        request.setParameter(ReadPosition.MIN_PARAMETER, "7");

        assertThat(interceptor.preHandle(request, response, handler())).isTrue();
    }

    @Test
    void aReadForAPositionNotProcessedInTimeIsRefusedWithRetryAfter() {
        repository.record(7, "e7", "MarkerPlanned", "314", Instant.now());
        request.addHeader(ReadPosition.MIN_HEADER, "8");
        long started = System.nanoTime();

        assertThatThrownBy(() -> interceptor.preHandle(request, response, handler()))
                .isInstanceOfSatisfying(LedgerProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.kind()).isEqualTo("position-not-reached");
                    assertThat(problem.fields()).containsExactly(ReadPosition.MIN_HEADER);
                    assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(problem.headers().getFirst(ReadPosition.HEADER)).isEqualTo("7");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
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
}
