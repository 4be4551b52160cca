# syntax=docker/dockerfile:1
#
# oppflow image: build the fat jar with the Maven wrapper, run it on a JRE as a non-root user.
# The jar carries processes/ and rules/; without those folders beside it the service uses the packaged copies.
# Tests are not run here: run ./mvnw verify before building the image.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
COPY processes/ processes/
COPY rules/ rules/
# The cache mount keeps the Maven distribution and dependencies between builds (needs BuildKit, Docker's default builder).
RUN --mount=type=cache,target=/root/.m2 chmod +x mvnw && ./mvnw -B -DskipTests package
# Spring Boot's extracted layout (the application jar beside its libraries): classes load from plain jars instead of
# jars nested in the fat jar, which saves a fifth of the start-up's main-thread CPU (docs/benchmarks.md "Start-up").
RUN java -Djarmode=tools -jar target/oppflow-0.1.0-SNAPSHOT.jar extract --destination /src/extracted \
 && mv /src/extracted/oppflow-0.1.0-SNAPSHOT.jar /src/extracted/oppflow.jar

FROM eclipse-temurin:17-jre
# curl is only for the HEALTHCHECK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 oppflow \
 && useradd --system --uid 10001 --gid oppflow --home-dir /app --shell /usr/sbin/nologin oppflow \
 && mkdir -p /app/data \
 && chown oppflow:oppflow /app/data
WORKDIR /app
COPY --from=build /src/extracted/lib/ /app/lib/
COPY --from=build /src/extracted/oppflow.jar /app/oppflow.jar
# A class-data archive of these jars (AppCDS), from one training start on an in-memory database: a start maps the
# classes instead of loading them, about a quarter less CPU to health (docs/benchmarks.md "Start-up").
COPY src/main/docker/class-data-archive.sh /tmp/class-data-archive.sh
RUN sh /tmp/class-data-archive.sh /app && rm /tmp/class-data-archive.sh
USER 10001:10001
# Production profile by default: PostgreSQL from SPRING_DATASOURCE_*, no demo users, OPPFLOW_ADMIN_PASSWORD required.
# For a throw-away demo on H2 inside the container: docker run -e SPRING_PROFILES_ACTIVE=demo -p 8080:8080 <image>
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# JVM options: a bounded heap, so the resident memory stays under 800 MB whatever the host, and C1-compiled code with
# the serial collector, which halve the CPU a start takes on a small node at no measured cost per advance
# (docs/operations.md "Memory", docs/benchmarks.md "Start-up"). Replace the whole variable to change them, e.g.
# JAVA_TOOL_OPTIONS="-Xmx2g" for C2 and G1 on a node with more cores, or the low-memory setting of docs/operations.md.
ENV JAVA_TOOL_OPTIONS="-Xmx512m -Xss512k -XX:MaxMetaspaceSize=384m -XX:ReservedCodeCacheSize=96m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# The archive is named here, not in JAVA_TOOL_OPTIONS, so that replacing those keeps it; a JVM that cannot map it
# (other jars, other JVM) starts without it.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/oppflow.jsa", "-jar", "/app/oppflow.jar"]
