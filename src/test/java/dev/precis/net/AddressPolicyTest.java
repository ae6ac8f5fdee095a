package dev.precis.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

    private static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.255.0.9, loopback", "10.0.0.1, private", "172.16.0.1, private",
            "172.31.255.255, private", "192.168.1.1, private", "100.64.0.1, carrier-grade NAT",
            "100.127.255.254, carrier-grade NAT", "169.254.169.254, link-local", "0.0.0.0, unspecified",
            "224.0.0.251, multicast", "255.255.255.255, reserved", "::1, loopback", "::, unspecified",
            "fe80::1, link-local", "fc00::1, unique-local", "fd12:3456::1, unique-local", "ff02::1, multicast",
            "::ffff:10.0.0.1, private", "64:ff9b::7f00:1, loopback", "2002:a9fe:a9fe::1, link-local",
            "::127.0.0.1, loopback", "::2, reserved", "64:ff9b:1::a00:1, reserved", "2001:0:4136:e378::1, tunnel",
            "2001:db8::1, documentation", "::ffff:0:a00:1, reserved", "3fff::1, ''", "4000::1, reserved"})
    void nonPublicAddressesAreRefusedWithTheirKind(String address, String kind) {
        if (kind.isEmpty()) {
            assertThat(AddressPolicy.refusal(ip(address))).isEmpty();
            return;
        }
        assertThat(AddressPolicy.refusal(ip(address))).hasValueSatisfying(reason -> assertThat(reason).contains(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5", "1.1.1.1"})
    void publicAddressesPass(String address) {
        assertThat(AddressPolicy.refusal(ip(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0x7f000001, 127.0.0.1", "2130706433, 127.0.0.1", "127.1, 127.0.0.1", "0177.0.0.1, 127.0.0.1",
            "10.1, 10.0.0.1", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254", "192.168.257, 192.168.1.1"})
    void numericHostsAreReadAsBrowsersReadThem(String host, String address) {
        assertThat(IpLiterals.parse(host)).hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"news.example.org", "1e100.net", "256.1.1.1.1", "08.1.1.1", "a:b:c", "example"})
    void namesAreNotTakenForAddresses(String host) {
        assertThat(IpLiterals.parse(host).filter(a -> !(a instanceof java.net.Inet6Address))).isEmpty();
    }

    @Test
    void theAllowListTakesNamesAddressesAndBlocks() {
        AddressPolicy policy = new AddressPolicy(List.of("Intranet.Example", "127.0.0.1", "10.20.0.0/16", "fd00::/8"));
        assertThat(policy.isAllowedName("intranet.example")).isTrue();
        assertThat(policy.isAllowedName("other.example")).isFalse();
        assertThat(policy.isAllowedAddress(ip("127.0.0.1"))).isTrue();
        assertThat(policy.isAllowedAddress(ip("127.0.0.2"))).isFalse();
        assertThat(policy.isAllowedAddress(ip("10.20.99.1"))).isTrue();
        assertThat(policy.isAllowedAddress(ip("10.21.0.1"))).isFalse();
        assertThat(policy.isAllowedAddress(ip("fd42::7"))).isTrue();
        assertThat(policy.isAllowedAddress(ip("fe80::7"))).isFalse();
    }

    @Test
    void aBadBlockIsAConfigurationError() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("10.0.0.0/40"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precis.fetch.allow-hosts");
    }
}
