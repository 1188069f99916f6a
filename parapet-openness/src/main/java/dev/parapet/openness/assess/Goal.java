package dev.parapet.openness.assess;

/** Goals of openness, each needing specific components opened (the openness framework, §1). */
public enum Goal {
    RESEARCH_REPRODUCIBILITY("research-reproducibility", "Research and reproducibility"),
    ADAPTATION_INNOVATION("adaptation-innovation", "Adaptation and innovation"),
    AUDIT_ACCOUNTABILITY("audit-accountability", "Audit and accountability"),
    SAFETY_RESEARCH("safety-research", "Safety research"),
    END_USER_AGENCY("end-user-agency", "End-user agency");

    private final String id;
    private final String title;

    Goal(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
