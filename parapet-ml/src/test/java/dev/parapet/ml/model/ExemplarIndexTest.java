package dev.parapet.ml.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExemplarIndexTest {

    private static float[] unit(Random r, int dim, float[] around, double spread) {
        float[] v = new float[dim];
        double n = 0;
        for (int d = 0; d < dim; d++) {
            v[d] = (float) ((around == null ? 0 : around[d]) + spread * r.nextGaussian());
            n += v[d] * v[d];
        }
        for (int d = 0; d < dim; d++) {
            v[d] /= (float) Math.sqrt(n);
        }
        return v;
    }

    @Test
    void nearestExemplarsDecideTheVote() {
        Random r = new Random(7);
        int dim = 32;
        float[] harm = unit(r, dim, null, 1);
        float[] benign = unit(r, dim, null, 1);
        List<float[]> vectors = new ArrayList<>();
        boolean[] labels = new boolean[400];
        for (int i = 0; i < 400; i++) {
            labels[i] = i % 2 == 0;
            vectors.add(unit(r, dim, labels[i] ? harm : benign, 0.05));
        }
        ExemplarIndex index = ExemplarIndex.build(vectors, labels, 10, 0.05, 8, 2);
        assertThat(index.size()).isEqualTo(400);
        assertThat(index.vote(unit(r, dim, harm, 0.05))).isGreaterThan(0.95);
        assertThat(index.vote(unit(r, dim, benign, 0.05))).isLessThan(0.05);
    }

    @Test
    void writtenAndReadBackItVotesTheSameAndBadBytesFailAtLoad() throws IOException {
        Random r = new Random(11);
        List<float[]> vectors = new ArrayList<>();
        boolean[] labels = new boolean[200];
        for (int i = 0; i < 200; i++) {
            vectors.add(unit(r, 16, null, 1));
            labels[i] = r.nextBoolean();
        }
        ExemplarIndex index = ExemplarIndex.build(vectors, labels, 5, 0.1, 4, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes));
        ExemplarIndex back = ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int q = 0; q < 20; q++) {
            float[] v = unit(r, 16, null, 1);
            assertThat(back.vote(v)).isEqualTo(index.vote(v));
        }
        byte[] bad = bytes.toByteArray().clone();
        bad[3] = 0; // dimension 0
        assertThatThrownBy(() -> ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(bad))))
                .hasMessageContaining("bad exemplar index header");
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThatThrownBy(() -> ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> index.vote(new float[3])).hasMessageContaining("a vector of 3");
    }

    /** Probing every cell is an exact search: the vote equals a brute-force one over the int8 exemplars. */
    @Property(tries = 30)
    void probingEveryCellIsExact(@ForAll @IntRange(min = 1, max = 1000) int seed,
                                 @ForAll @IntRange(min = 1, max = 20) int k) {
        Random r = new Random(seed);
        int n = 60;
        int dim = 8;
        List<float[]> vectors = new ArrayList<>();
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            vectors.add(unit(r, dim, null, 1));
            labels[i] = r.nextInt(3) == 0;
        }
        ExemplarIndex index = ExemplarIndex.build(vectors, labels, k, 0.05, 5, 5);
        float[] q = unit(r, dim, null, 1);
        double[] sims = new double[n];
        for (int i = 0; i < n; i++) {
            float max = 0;
            for (float x : vectors.get(i)) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max / 127f;
            double s = 0;
            for (int d = 0; d < dim; d++) {
                s += Math.round(vectors.get(i)[d] / scale) * q[d];
            }
            sims[i] = s * scale;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
        double yes = 0;
        double all = 0;
        for (int j = 0; j < k; j++) {
            double w = Math.exp((sims[order[j]] - sims[order[0]]) / 0.05);
            all += w;
            yes += labels[order[j]] ? w : 0;
        }
        assertThat(index.vote(q)).isCloseTo(yes / all, within(1e-4));
    }

    @Test
    void settingsAreChecked() {
        List<float[]> one = List.of(new float[] {1, 0});
        assertThatThrownBy(() -> ExemplarIndex.build(one, new boolean[] {true}, 1, 0.05, 2, 1))
                .hasMessageContaining("bad exemplar settings");
        assertThatThrownBy(() -> ExemplarIndex.build(List.of(), new boolean[0], 1, 0.05, 1, 1))
                .hasMessageContaining("at least one vector");
    }
}
