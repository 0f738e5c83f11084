#!/usr/bin/env bash
# Records the MQTT test captures in src/test/resources from a real Mosquitto broker and real
# Mosquitto clients on loopback, one capture per protocol version, then extracts tshark's view
# of each. Not run by the build; run it by hand (as root, for dumpcap on lo) to re-record:
#   apt-get install mosquitto mosquitto-clients tshark
#   bundles/protocol-mqtt/src/test/record/record.sh
# The user name and password below are throwaway test values, not credentials of anything.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/../resources}
PORT=${PORT:-1883}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
USER_NAME=sensor-7
PASSWORD=pw-SENTINEL-4711   # the decoder tests assert this string appears in no event or row
BAD_PASSWORD=pw-WRONG-0815

mosquitto_passwd -c -b "$WORK/passwd" "$USER_NAME" "$PASSWORD"
chmod 0700 "$WORK/passwd"
cat > "$WORK/broker.conf" <<CONF
listener $PORT 127.0.0.1
allow_anonymous true
password_file $WORK/passwd
persistence false
user root
log_dest none
CONF

# Raw MQTT packets mosquitto's clients never send: a CONNECT with an unknown protocol level, an
# AUTH packet, v5 subscription options, a v5 DISCONNECT with a reason code and properties.
raw() {
  /usr/bin/python3 - "$PORT" "$1" <<'PY'
import socket, sys, time
port, what = int(sys.argv[1]), sys.argv[2]
def s(b): return len(b).to_bytes(2, 'big') + b
def packet(first, body):
    n, rl = len(body), b''
    while True:
        d, n = n % 128, n // 128
        rl += bytes([d | (0x80 if n else 0)])
        if not n: break
    return bytes([first]) + rl + body
c = socket.create_connection(('127.0.0.1', port))
if what == 'badlevel':      # protocol level 9: the broker refuses (CONNACK 1) and closes
    c.sendall(packet(0x10, s(b'MQTT') + bytes([9, 0x02, 0, 30]) + s(b'raw-bad-level')))
elif what == 'auth':        # v5 CONNECT, then an AUTH the broker did not ask for
    c.sendall(packet(0x10, s(b'MQTT') + bytes([5, 0x02, 0, 30, 0]) + s(b'raw-auth')))
    time.sleep(0.2)
    c.sendall(packet(0xF0, bytes([0x19, 8, 0x15]) + s(b'SCRAM')))
elif what == 'subopts':     # v5 SUBSCRIBE with no-local, retain-as-published, retain handling 2
    c.sendall(packet(0x10, s(b'MQTT') + bytes([5, 0x02, 0, 30, 0]) + s(b'raw-subopts')))
    time.sleep(0.2)
    c.sendall(packet(0x82, bytes([0, 9, 2, 0x0B, 7]) + s(b'plant/opts') + bytes([0x2d]) + s(b'plant/+/x') + bytes([0x00])))
    time.sleep(0.2)
    c.sendall(packet(0xA2, bytes([0, 10, 0]) + s(b'plant/opts')))
    time.sleep(0.2)
    c.sendall(packet(0xE0, b''))
elif what == 'disconnect':  # v5 CONNECT with a will, DISCONNECT 0x04 (with will) + reason string,
                            # its property length 8 deliberately 2 short of the 10-byte reason string
    c.sendall(packet(0x10, s(b'MQTT') + bytes([5, 0x0e, 0, 30, 0]) + s(b'raw-will') + bytes([0])
                     + s(b'raw/will') + s(b'gone')))
    time.sleep(0.2)
    c.sendall(packet(0xE0, bytes([0x04, 8, 0x1F]) + s(b'bye now')))
time.sleep(0.3)
try:
    c.recv(4096)
except OSError:
    pass
c.close()
PY
}

scenario() {
  local v=$1 id=$2
  # A subscriber on several topics with wildcards and a short keep alive (pings).
  mosquitto_sub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-sub" -k 5 -q 2 -v \
    -t "plant/+/temp" -t "plant/#" -t "alarms/$id" -W 22 > /dev/null &
  local sub=$!
  sleep 0.5
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-q0" -t "plant/a/temp" -m "21.5" -q 0
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-q1" -t "plant/b/temp" -m "22.0" -q 1
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-q2" -t "plant/c/pressure" -m "1.013" -q 2
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-ret" -t "plant/config/$id" -m "setpoint=40" -q 1 -r
  # Credentials and a will; then a rejected login.
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-auth" -u "$USER_NAME" -P "$PASSWORD" \
    --will-topic "alarms/$id" --will-payload "offline" --will-qos 1 --will-retain -t "plant/d/temp" -m "23.1" -q 1
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-badpw" -u "$USER_NAME" -P "$BAD_PASSWORD" \
    -t "plant/e/temp" -m "x" -q 0 || true
  # A client that stays idle long enough to ping twice, then unsubscribes.
  mosquitto_sub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-idle" -k 5 -c -q 1 -t "idle/$id/#" -W 11 > /dev/null || true
  mosquitto_sub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-idle" -c -U "idle/$id/#" -U "nothing/+" -t "idle/$id/x" -E || true
  # A flood of QoS 1 messages on one connection.
  seq 1 300 | mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-flood" -t "plant/flood" -q 1 -l
  # Clear the retained message again.
  mosquitto_pub -V "$v" -p "$PORT" -h 127.0.0.1 -i "$id-clr" -t "plant/config/$id" -n -r
  wait "$sub" || true
}

v5_extras() {
  mosquitto_pub -V mqttv5 -p "$PORT" -h 127.0.0.1 -i v5-props -q 1 -t "plant/props" -m '{"t":20}' \
    -D connect session-expiry-interval 30 -D connect user-property site north \
    -D publish content-type application/json -D publish message-expiry-interval 60 \
    -D publish user-property unit C -D publish response-topic "plant/props/reply"
  # Topic aliases: mosquitto_pub sends the topic with the alias once, then the alias alone.
  printf 'a1\na2\na3\n' | mosquitto_pub -V mqttv5 -p "$PORT" -h 127.0.0.1 -i v5-alias -q 1 -t "plant/alias/topic" \
    -D publish topic-alias 3 -l
  mosquitto_sub -V mqttv5 -p "$PORT" -h 127.0.0.1 -i v5-subid -q 1 -t "plant/opts" \
    -D subscribe subscription-identifier 7 -E
  raw subopts
  mosquitto_pub -V mqttv5 -p "$PORT" -h 127.0.0.1 -i v5-authm -t "plant/x" -m x \
    -D connect authentication-method SCRAM-SHA-1 || true
  raw auth
  raw disconnect
  raw badlevel
}

record() {
  local name=$1; shift
  dumpcap -q -i lo -f "tcp port $PORT" -w "$WORK/$name.pcapng" &
  local cap=$!
  sleep 2
  "$@"
  sleep 1
  kill -INT "$cap"; wait "$cap" || true
  cp "$WORK/$name.pcapng" "$OUT/$name.pcapng"
}

mosquitto -c "$WORK/broker.conf" &
sleep 1
record mqtt_v31 scenario mqttv31 v31
record mqtt_v311 scenario mqttv311 v311
v5_all() { scenario mqttv5 v5; v5_extras; }
record mqtt_v5 v5_all

# tshark's view, the expected values of MqttTsharkAgreementTest (see README.md).
for f in mqtt_v31 mqtt_v311 mqtt_v5; do
  tshark -r "$OUT/$f.pcapng" -Y mqtt -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, \
    -e frame.number -e frame.time_epoch -e tcp.srcport -e tcp.dstport \
    -e mqtt.msgtype -e mqtt.dupflag -e mqtt.qos -e mqtt.retain -e mqtt.len -e mqtt.protoname -e mqtt.ver \
    -e mqtt.conflag.cleansess -e mqtt.conflag.willflag -e mqtt.conflag.qos -e mqtt.conflag.retain \
    -e mqtt.conflag.uname -e mqtt.conflag.passwd -e mqtt.kalive -e mqtt.clientid -e mqtt.willtopic \
    -e mqtt.willmsg_len -e mqtt.conack.flags.sp -e mqtt.conack.val -e mqtt.topic -e mqtt.msgid -e mqtt.msg \
    -e mqtt.sub.qos -e mqtt.subscription_options_qos -e mqtt.suback.qos -e mqtt.property.topic_alias \
    -e mqtt.connack.reason_code -e mqtt.puback.reason_code -e mqtt.pubrec.reason_code -e mqtt.pubrel.reason_code \
    -e mqtt.pubcomp.reason_code -e mqtt.suback.reason_code -e mqtt.unsuback.reason_code \
    -e mqtt.disconnect.reason_code -e mqtt.auth.reason_code \
    > "$OUT/$f.tshark.tsv"
done
