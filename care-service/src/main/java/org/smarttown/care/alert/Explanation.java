package org.smarttown.care.alert;

/**
 * Why an alert was raised, in words a care worker can check: the rule, what was seen, the bound
 * it was held against (and where that bound came from), and the window looked at.
 */
public record Explanation(String rule, String seen, String against, String window) {

    public String summary() {
        return seen + " (" + against + "; " + window + ")";
    }
}
