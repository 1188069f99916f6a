package dev.parapet.eval.run;

/** Told how far a run has got; shown to people on long runs. */
public interface Progress {

    /** Says nothing. */
    Progress NONE = new Progress() {
        @Override
        public void update(String task, long done, long total) {
        }

        @Override
        public void finish(String task) {
        }
    };

    void update(String task, long done, long total);

    void finish(String task);
}
