# syntax=docker/dockerfile:1
#
# Paperboy container image.
#
#   docker build -t paperboy:0.1.0 .
#   docker run --rm -p 8080:8080 \
#     -e SPRING_DATASOURCE_URL=jdbc:postgresql://db.example:5432/paperboy \
#     -e SPRING_DATASOURCE_USERNAME=paperboy -e SPRING_DATASOURCE_PASSWORD=... \
#     paperboy:0.1.0
#
# One-off import (arguments after the image name go to the application):
#   docker run --rm -v "$PWD/papers:/import:ro" -e SPRING_DATASOURCE_URL=... \
#     paperboy:0.1.0 import /import/papers.jsonl
#
# The image never starts the embedded PostgreSQL (PAPERBOY_EMBEDDED_ENABLED=false):
# without SPRING_DATASOURCE_URL the service fails at startup instead of running on a
# throwaway database inside the container.

# ---------------------------------------------------------------------------
# Build stage: compile with the Maven wrapper, then split the jar into layers.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build

# Wrapper and POM first: the dependency layer is rebuilt only when they change.
# (The image has no curl/wget; mvnw then fetches Maven with its own Java downloader.)
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src src
COPY db db
# Thymeleaf templates live at the top level; pom.xml packages them as classpath:templates/.
COPY templates templates/
RUN ./mvnw -B -q -DskipTests package

# Spring Boot layered extraction: dependencies/, spring-boot-loader/,
# snapshot-dependencies/ and application/ (empty layers are still created).
RUN java -Djarmode=tools -jar target/paperboy.jar extract --layers --launcher --destination extracted

# ---------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

LABEL org.opencontainers.image.title="paperboy" \
      org.opencontainers.image.description="Paperboy: a self-hosted research paper digest" \
      org.opencontainers.image.version="0.1.0"

# Fixed, numeric ids so that Kubernetes can check runAsNonRoot against the image and
# the Helm chart's runAsUser/fsGroup (10001) match the image.
RUN groupadd --gid 10001 paperboy \
    && useradd --uid 10001 --gid 10001 --no-create-home --no-log-init \
       --home-dir /nonexistent --shell /usr/sbin/nologin paperboy

WORKDIR /app

# Least to most frequently changing, so a code change only replaces the last layer.
# Files stay owned by root: the service cannot modify its own code.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

USER 10001:10001

# JAVA_TOOL_OPTIONS is read by the JVM itself, so overriding it (docker run -e,
# Helm env) replaces these defaults. The heap follows the container memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED" \
    PAPERBOY_EMBEDDED_ENABLED=false

EXPOSE 8080

# No HEALTHCHECK: the Temurin JRE image has neither curl nor wget (they are removed
# after the JDK is installed), and a Java-based check would start a second JVM every
# interval, costing far more memory and CPU than the check is worth. Kubernetes
# ignores HEALTHCHECK and uses the chart's probes on /actuator/health/liveness and
# /actuator/health/readiness; with plain Docker, poll http://HOST:8080/actuator/health
# from outside the container.

# Replaces the base image's entrypoint script (only needed for USE_SYSTEM_CA_CERTS).
# "java -jar paperboy.jar ARGS" becomes "docker run IMAGE ARGS", e.g. "import FILE...".
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
