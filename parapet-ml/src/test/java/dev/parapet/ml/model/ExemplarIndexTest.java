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
    void nearestExemplarsDecideTheVoteAndTheCategory() {
        Random r = new Random(7);
        int dim = 32;
        float[] weapons = unit(r, dim, null, 1);
        float[] hate = unit(r, dim, null, 1);
        float[] benign = unit(r, dim, null, 1);
        List<float[]> vectors = new ArrayList<>();
        boolean[] labels = new boolean[600];
        int[] category = new int[600];
        for (int i = 0; i < 600; i++) {
            labels[i] = i % 3 != 2;
            category[i] = labels[i] ? i % 3 : -1;
            vectors.add(unit(r, dim, i % 3 == 0 ? weapons : i % 3 == 1 ? hate : benign, 0.05));
        }
        ExemplarIndex index = ExemplarIndex.build(vectors, labels, category, 2, 10, 0.05, 8, 2);
        assertThat(index.size()).isEqualTo(600);
        assertThat(index.categories()).isEqualTo(2);
        ExemplarIndex.Vote nearWeapons = index.vote(unit(r, dim, weapons, 0.05));
        assertThat(nearWeapons.unsafe()).isGreaterThan(0.95);
        assertThat(nearWeapons.categories()[0]).isGreaterThan(0.95);
        assertThat(index.vote(unit(r, dim, hate, 0.05)).categories()[1]).isGreaterThan(0.95);
        ExemplarIndex.Vote nearBenign = index.vote(unit(r, dim, benign, 0.05));
        assertThat(nearBenign.unsafe()).isLessThan(0.05);
        assertThat(nearBenign.categories()).isEmpty(); // no near exemplar has a category
    }

    @Test
    void writtenAndReadBackItVotesTheSameAndBadBytesFailAtLoad() throws IOException {
        Random r = new Random(11);
        List<float[]> vectors = new ArrayList<>();
        boolean[] labels = new boolean[200];
        int[] category = new int[200];
        for (int i = 0; i < 200; i++) {
            vectors.add(unit(r, 16, null, 1));
            labels[i] = r.nextBoolean();
            category[i] = labels[i] ? r.nextInt(4) - 1 : -1;
        }
        ExemplarIndex index = ExemplarIndex.build(vectors, labels, category, 3, 5, 0.1, 4, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes));
        ExemplarIndex back = ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int q = 0; q < 20; q++) {
            float[] v = unit(r, 16, null, 1);
            assertThat(back.vote(v).unsafe()).isEqualTo(index.vote(v).unsafe());
            assertThat(back.vote(v).categories()).containsExactly(index.vote(v).categories());
        }
        // A file written before exemplars carried categories ends after the labels: same unsafe vote, no categories.
        int[] none = new int[200];
        Arrays.fill(none, -1);
        ExemplarIndex plain = ExemplarIndex.build(vectors, labels, none, 0, 5, 0.1, 4, 2);
        ByteArrayOutputStream plainBytes = new ByteArrayOutputStream();
        plain.write(new DataOutputStream(plainBytes));
        byte[] old = Arrays.copyOf(plainBytes.toByteArray(), plainBytes.size() - Integer.BYTES);
        ExemplarIndex oldBack = ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(old)));
        float[] v = unit(r, 16, null, 1);
        assertThat(oldBack.categories()).isZero();
        assertThat(oldBack.vote(v).unsafe()).isEqualTo(index.vote(v).unsafe());
        assertThat(oldBack.vote(v).categories()).isEmpty();
        byte[] badCategory = bytes.toByteArray().clone();
        badCategory[badCategory.length - 1] = 7; // the last exemplar's category, of 3
        assertThatThrownBy(() -> ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(badCategory))))
                .hasMessageContaining("bad exemplar category index 7");
        byte[] bad = bytes.toByteArray().clone();
        bad[3] = 0; // dimension 0
        assertThatThrownBy(() -> ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(bad))))
                .hasMessageContaining("bad exemplar index header");
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThatThrownBy(() -> ExemplarIndex.read(new DataInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> index.vote(new float[3])).hasMessageContaining("a vector of 3");
    }

    /** Probing every cell is an exact search: the votes equal brute-force ones over the int8 exemplars. */
    @Property(tries = 30)
    void probingEveryCellIsExact(@ForAll @IntRange(min = 1, max = 1000) int seed,
                                 @ForAll @IntRange(min = 1, max = 20) int k) {
        Random r = new Random(seed);
        int n = 60;
        int dim = 8;
        List<float[]> vectors = new ArrayList<>();
        boolean[] labels = new boolean[n];
        int[] category = new int[n];
        for (int i = 0; i < n; i++) {
            vectors.add(unit(r, dim, null, 1));
            labels[i] = r.nextInt(3) == 0;
            category[i] = labels[i] ? r.nextInt(3) - 1 : -1;
        }
        ExemplarIndex index = ExemplarIndex.build(vectors, labels, category, 2, k, 0.05, 5, 5);
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
        double[] byCategory = new double[2];
        double categorised = 0;
        for (int j = 0; j < k; j++) {
            double w = Math.exp((sims[order[j]] - sims[order[0]]) / 0.05);
            all += w;
            yes += labels[order[j]] ? w : 0;
            if (category[order[j]] >= 0) {
                byCategory[category[order[j]]] += w;
                categorised += w;
            }
        }
        ExemplarIndex.Vote vote = index.vote(q);
        assertThat(vote.unsafe()).isCloseTo(yes / all, within(1e-4));
        if (categorised == 0) {
            assertThat(vote.categories()).isEmpty();
        } else {
            assertThat(vote.categories()[0]).isCloseTo(byCategory[0] / categorised, within(1e-4));
            assertThat(vote.categories()[1]).isCloseTo(byCategory[1] / categorised, within(1e-4));
        }
    }

    @Test
    void settingsAreChecked() {
        List<float[]> one = List.of(new float[] {1, 0});
        assertThatThrownBy(() -> ExemplarIndex.build(one, new boolean[] {true}, new int[] {-1}, 0, 1, 0.05, 2, 1))
                .hasMessageContaining("bad exemplar settings");
        assertThatThrownBy(() -> ExemplarIndex.build(List.of(), new boolean[0], new int[0], 0, 1, 0.05, 1, 1))
                .hasMessageContaining("at least one vector");
        assertThatThrownBy(() -> ExemplarIndex.build(one, new boolean[] {true}, new int[0], 0, 1, 0.05, 1, 1))
                .hasMessageContaining("one category per vector");
        assertThatThrownBy(() -> ExemplarIndex.build(one, new boolean[] {true}, new int[] {2}, 2, 1, 0.05, 1, 1))
                .hasMessageContaining("category index 2 of 2");
    }
}
