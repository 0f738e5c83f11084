# Reads `tshark -V -O bacapp` output; prints one line per BACnet device fact tshark shows:
#   i-am  <ip.src>  <device instance>  <vendor id>  <vendor name>
#   property  <ip.src>  <device instance>  <property>  <character-string value>
/^Internet Protocol Version 4, Src: / { ip = $6; sub(/,$/, "", ip) }
/^    ObjectIdentifier: device, / { instance = $3 }
/^    Vendor ID: / {
  line = substr($0, 16)
  id = line; sub(/.*\(/, "", id); sub(/\)$/, "", id)
  name = line; sub(/ \([0-9]+\)$/, "", name)
  print "i-am\t" ip "\t" instance "\t" id "\t" name
}
/^    (vendor-name|model-name|firmware-revision|application-software-version): / {
  property = $1; sub(/:$/, "", property)
  value = $0; sub(/^[^']*'/, "", value); sub(/'$/, "", value)
  print "property\t" ip "\t" instance "\t" property "\t" value
}
