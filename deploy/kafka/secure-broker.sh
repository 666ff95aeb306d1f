#!/bin/bash
# docker-compose's broker: starts Kafka as the image does, then gives each service its SASL/SCRAM user, creates the
# platform's topics and applies the ACLs of deploy/kafka/service-acls.args (generated from KafkaAcls in libs/eventing
# and checked against it by KafkaAclsTest). Setup talks to the plaintext listener bound to this container's loopback,
# which nobody else can reach; every other client authenticates. Idempotent: it runs on every start.
set -euo pipefail

/etc/kafka/docker/run &
broker=$!
trap 'kill -TERM $broker; wait $broker' TERM INT

bin=/opt/kafka/bin
admin=(--bootstrap-server 127.0.0.1:9094)
until "$bin/kafka-broker-api-versions.sh" "${admin[@]}" > /dev/null 2>&1; do
  kill -0 $broker 2> /dev/null || exit 1
  sleep 1
done

while IFS=: read -r user variable; do
  password="${!variable:?$variable must be set}"
  "$bin/kafka-configs.sh" "${admin[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" > /dev/null
done <<'USERS'
story-service:STORY_KAFKA_PASSWORD
scoring-service:SCORING_KAFKA_PASSWORD
practice-service:PRACTICE_KAFKA_PASSWORD
coverage-service:COVERAGE_KAFKA_PASSWORD
content-partner:CONTENT_PARTNER_KAFKA_PASSWORD
USERS

# created here, before any service starts: a service may read a topic it is not allowed to create
for topic in story.events scoring.events practice.events content.events content.inbound; do
  "$bin/kafka-topics.sh" "${admin[@]}" --create --if-not-exists --topic "$topic" --partitions 6 --replication-factor 1 \
    --config retention.ms=-1 --config retention.bytes=-1 --config cleanup.policy=delete > /dev/null
done

while read -r -a acl; do
  [ ${#acl[@]} -gt 0 ] && "$bin/kafka-acls.sh" "${admin[@]}" "${acl[@]}" > /dev/null
done < /opt/storyloop/service-acls.args

touch /tmp/storyloop-kafka-secured
echo "storyloop: SCRAM users, topics and ACLs in place"
wait $broker
