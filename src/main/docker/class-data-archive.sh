#!/bin/sh
# Builds the class-data archive (AppCDS) of the image: one training start of the service loads the classes a start
# needs, then the JVM dumps them, parsed and verified, into <app>/oppflow.jsa. A start with
# -XX:SharedArchiveFile=<app>/oppflow.jsa maps them instead of loading them from the jars (docs/benchmarks.md
# "Start-up"). The archive belongs to these very jar files: rebuild it with the image.
#
# usage: class-data-archive.sh [app folder, default /app: oppflow.jar with lib/ beside it]
set -eu
app=${1:-/app}
work=$(mktemp -d)
# The training start runs on an empty in-memory H2 database (it migrates it, as a first start does) and stops as soon
# as the context is refreshed. No demo data, no port taken.
if ! java -Xmx512m -XX:DumpLoadedClassList="$work/classes.lst" -Dspring.context.exit=onRefresh \
    -jar "$app/oppflow.jar" --spring.profiles.active=demo --oppflow.demo.data.enabled=false --server.port=0 \
    --spring.datasource.url="jdbc:h2:mem:training;DB_CLOSE_DELAY=-1" > "$work/training.log" 2>&1; then
  tail -n 40 "$work/training.log"
  echo "class-data-archive: the training start failed" >&2
  exit 1
fi
# OpenJDK 17 crashes dumping lambda proxy classes (SIGSEGV in adjust_lambda_proxy_class_dictionary): leave them out,
# they are spun at run time as without an archive.
grep -v '^@lambda' "$work/classes.lst" > "$work/classes-without-lambdas.lst"
java -Xshare:dump -XX:SharedClassListFile="$work/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$app/oppflow.jsa" -jar "$app/oppflow.jar" > "$work/dump.log" 2>&1 \
  || { tail -n 40 "$work/dump.log"; echo "class-data-archive: the dump failed" >&2; exit 1; }
rm -rf "$work"
echo "class-data-archive: $(du -h "$app/oppflow.jsa" | cut -f1) written to $app/oppflow.jsa"
