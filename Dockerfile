# One image per service: docker build --build-arg SERVICE=command-service .  (docker-compose.yml does this)
FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl ${SERVICE} -am

FROM eclipse-temurin:17.0.15_6-jre-jammy
ARG SERVICE
# /var/lib/ledger: where the command service keeps a seal key it generates (a volume in docker-compose.yml)
RUN useradd --system --uid 10001 ledger && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER ledger
ENV JAVA_TOOL_OPTIONS="-Daxoniq.update-checker.disabled=true -XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
