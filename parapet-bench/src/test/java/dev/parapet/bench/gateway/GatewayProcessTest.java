package dev.parapet.bench.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GatewayProcessTest {

    @Test
    void readsTheHeapOfEveryCollector() {
        assertThat(GatewayProcess.heapUsedMb("""
                 garbage-first heap   total 389120K, used 14628K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 15 young (15360K), 0 survivors (0K)
                 Metaspace       used 8908K, committed 9088K, reserved 1114112K
                """)).isCloseTo(14628 / 1024.0, within(1e-9));
        assertThat(GatewayProcess.heapUsedMb("""
                 def new generation   total 116160K, used 18593K [0x00000000e0000000, 0x00000000e7e00000)
                  eden space 103296K,  18% used [0x00000000e0000000, 0x00000000e1227b70)
                 tenured generation   total 258048K, used 1024K [0x00000000eaaa0000, 0x00000000fa6a0000)
                   the space 258048K,   0% used [0x00000000eaaa0000, 0x00000000eaaa0000)
                 Metaspace       used 8887K, committed 9088K, reserved 1114112K
                """)).isCloseTo((18593 + 1024) / 1024.0, within(1e-9));
        assertThat(GatewayProcess.heapUsedMb("""
                 PSYoungGen      total 113152K, used 17512K [0x00000000f5580000, 0x0000000100000000)
                 ParOldGen       total 258048K, used 0K [0x00000000e0000000, 0x00000000f5580000)
                 Metaspace       used 8905K, committed 9088K, reserved 1114112K
                """)).isCloseTo(17512 / 1024.0, within(1e-9));
        assertThat(GatewayProcess.heapUsedMb("""
                 ZHeap           used 34M, capacity 378M, max capacity 512M
                 Metaspace       used 8923K, committed 9088K, reserved 1114112K
                """)).isEqualTo(34.0);
    }

    @Test
    void saysWhenItCannotReadTheHeap() {
        assertThatThrownBy(() -> GatewayProcess.heapUsedMb("12345:\nno such command")).hasMessageContaining("cannot read");
    }

    @Test
    void splitsTheJavaOptionsAsTheLauncherDoes() {
        assertThat(GatewayProcess.javaOptions(null)).isEmpty();
        assertThat(GatewayProcess.javaOptions("  ")).isEmpty();
        assertThat(GatewayProcess.javaOptions(" -XX:+UseZGC  -Xlog:gc ")).containsExactly("-XX:+UseZGC", "-Xlog:gc");
    }
}
