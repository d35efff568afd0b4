package org.smarttown.care.profile;

/**
 * Care-relevant conditions staff record for a resident: what the VR room's programmes suit or must
 * avoid. A closed list, so that a programme's contraindications and a resident's conditions always
 * use the same words.
 */
public enum Condition {
    DEMENTIA_RISK, MILD_COGNITIVE_IMPAIRMENT, DEPRESSION, HYPERTENSION, DIABETES, HEART_DISEASE, PACEMAKER,
    EPILEPSY, VERTIGO, MOTION_SICKNESS, RECENT_FALL, VISUAL_IMPAIRMENT, HEARING_IMPAIRMENT, ARTHRITIS, COPD,
    CHRONIC_PAIN
}
