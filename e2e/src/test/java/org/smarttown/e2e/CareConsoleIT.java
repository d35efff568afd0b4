package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The care worker's screens: a screening form scored as it is filled in, the resident's trend, the VR room. */
class CareConsoleIT {

    @RegisterExtension
    static final Chromium browser = Chromium.desktop("care");

    @Test
    void aPhq9ScoredLiveWhileEnteredIsScoredTheSameByTheService() {
        String name = "선별" + UUID.randomUUID().toString().substring(0, 6);
        String residentId = residentInCare(name);
        browser.openAs("/staff/#residents/" + residentId, "carer1");
        browser.find("#open-record").click();
        new Select(browser.find("#screening-instrument")).selectByValue("PHQ-9");
        browser.find("#screening-form[data-instrument='PHQ-9']");
        assertFalse(browser.find("#screening-save").isEnabled(), "an empty form cannot be saved");

        int[] answers = { 2, 1, 3, 2, 1 };
        for (int i = 0; i < answers.length; i++) {
            answer(i + 1, answers[i]);
        }
        // Four of nine unanswered: more than the two that may be prorated.
        assertEquals("INCOMPLETE", live().getAttribute("data-status"));

        // Item 9 above 0 warns at once, before anything is saved; back to 0, the warning goes.
        answer(9, 1);
        WebElement warning = browser.find("#screening-critical");
        assertTrue(warning.getText().contains("9번"), warning.getText());
        browser.screenshot("phq9-item9-warning", browser.find("#screenings"));
        answer(9, 0);
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("screening-critical")));

        answer(7, 1);
        answer(8, 0);
        // Item 6 left unanswered: 10 points from 8 answers, prorated to 10 × 9 / 8 = 11.25 → 11, MODERATE.
        WebElement live = live();
        assertEquals("SCORED", live.getAttribute("data-status"));
        assertEquals("11", live.getAttribute("data-total"));
        assertEquals("MODERATE", live.getAttribute("data-band"));
        assertTrue(live.getText().contains("중등도"), "the band in Korean: " + live.getText());
        String liveFlags = live.getAttribute("data-flags");
        String liveFollowUp = live.getAttribute("data-follow-up");
        browser.screenshot("phq9-live-score", browser.find("#screenings"));

        browser.find("#screening-save").click();
        WebElement result = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#screening-result[data-status]")));
        assertEquals("11", result.getAttribute("data-total"), "the service's total is the one shown while filling in");
        assertEquals("MODERATE", result.getAttribute("data-band"));
        assertEquals(liveFollowUp, result.getAttribute("data-follow-up"));
        assertEquals(liveFlags, result.getAttribute("data-flags"));

        JsonPath trend = given().auth().oauth2(Tokens.user("carer1")).get("/api/care/residents/" + residentId + "/screenings?instrument=PHQ-9")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(11, trend.getInt("instruments[0].latest.total"));
        assertEquals(List.of("PRORATED"), trend.getList("instruments[0].latest.flags"));
        assertTrue(trend.getBoolean("instruments[0].latest.followUp"));
        // The trend beside the vitals chart now has the point.
        browser.find("svg.trend[data-instrument='PHQ-9'][data-points='1'] circle");
        WebElement chart = browser.find("#screening-trend");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", chart);
        browser.screenshot("screening-trend", chart);
        browser.screenshot("record-summary-vitals-trend", browser.find("#record .columns"));
    }

    @Test
    void theGdsAndTheCognitiveScreeningAreScoredInThePageAsTheServiceScoresThem() {
        String residentId = residentInCare("인지" + UUID.randomUUID().toString().substring(0, 6));
        browser.openAs("/staff/#residents/" + residentId, "carer1");
        browser.find("#open-record").click();

        // GDS-15 all "yes": the five reverse-scored items (1, 5, 7, 11, 13) count for nothing → 10, MODERATE.
        new Select(browser.find("#screening-instrument")).selectByValue("GDS-15");
        browser.find("#screening-form[data-instrument='GDS-15']");
        for (int item = 1; item <= 15; item++) {
            answer(item, "true");
        }
        assertEquals("10", live().getAttribute("data-total"));
        assertEquals("MODERATE", live().getAttribute("data-band"));
        saveAndCompareWithTheLiveScore();
        // The care summary beside it is read again and names the new screening.
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("care-summary"), "GDS-15"));

        // Cognitive: 20 points at 82 (age from the birth date) with 5 years of school; the cutoff there is 20 → NORMAL.
        new Select(browser.find("#screening-instrument")).selectByValue("COGNITIVE");
        browser.find("#screening-form[data-instrument='COGNITIVE']");
        assertEquals(String.valueOf(java.time.Period.between(java.time.LocalDate.of(1944, 5, 6), java.time.LocalDate.now()).getYears()),
                browser.find("#cog-age").getAttribute("value"), "the age comes from the record");
        browser.find("#cog-age").clear();
        browser.find("#cog-age").sendKeys("82");
        browser.find("#cog-total").sendKeys("20");
        browser.find("#cog-education").sendKeys("5");
        assertEquals("NORMAL", live().getAttribute("data-band"));
        browser.find("#cog-total").clear();
        browser.find("#cog-total").sendKeys("19");
        assertEquals("IMPAIRED", live().getAttribute("data-band"));
        browser.screenshot("cognitive-live");
        saveAndCompareWithTheLiveScore();
    }

    private static void saveAndCompareWithTheLiveScore() {
        WebElement live = live();
        String total = live.getAttribute("data-total"), band = live.getAttribute("data-band"), followUp = live.getAttribute("data-follow-up");
        String previous = browser.driver.findElement(By.id("screening-result")).getAttribute("data-band");
        browser.find("#screening-save").click();
        WebElement result = browser.waitFor(d -> {
            WebElement r = d.findElement(By.id("screening-result"));
            return r.getAttribute("data-band") != null && !r.getAttribute("data-band").equals(previous) ? r : null;
        });
        assertEquals(total, result.getAttribute("data-total"));
        assertEquals(band, result.getAttribute("data-band"));
        assertEquals(followUp, result.getAttribute("data-follow-up"));
    }

    @Test
    void aCareWorkerSchedulesASessionIsToldWhyAResidentMayNotJoinEnrolsAnotherAndRecordsAttendance() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // Both registered first, then both awaited: their care profiles arrive over the broker together.
        String fit = registered("참여" + tag);
        String epileptic = registered("금기" + tag);
        inCare(fit);
        inCare(epileptic);
        given().auth().oauth2(Tokens.user("carer1")).contentType(ContentType.JSON).body("{\"conditions\":[\"EPILEPSY\"]}")
                .put("/api/care/profiles/" + epileptic + "/conditions").then().statusCode(200);

        // A session that began a few minutes ago, so attendance can be recorded at once.
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Asia/Seoul")).truncatedTo(ChronoUnit.MINUTES);
        start = start.minusMinutes(start.getMinute() % 5 + 5);
        browser.openAs("/staff/#vr", "carer1");
        browser.find("#vr-new-card summary").click();
        new Select(browser.find("#vr-programme")).selectByVisibleText(browser.all("#vr-programme option").stream().map(WebElement::getText)
                .filter(text -> text.startsWith("기억의 정원")).findFirst().orElseThrow());
        browser.setValue("#vr-day", start.toLocalDate().toString());
        browser.setValue("#vr-start", start.toLocalTime().toString());
        browser.find("#vr-capacity").clear();
        browser.find("#vr-capacity").sendKeys("2");
        browser.find("#vr-room").clear();
        browser.find("#vr-room").sendKeys("VR-" + tag);
        browser.find("#vr-new button[type=submit]").click();
        String sessionId = browser.waitFor(d -> d.findElement(By.id("vr-result")).getAttribute("data-session"));
        browser.find("#vrsession-" + sessionId);
        browser.screenshot("vr-schedule");
        // The same form sent again: the room is taken at that time, and the staff are told so in Korean.
        browser.find("#vr-new button[type=submit]").click();
        WebElement roomTaken = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#vr-new .form-error[role='alert']")));
        browser.waitFor(d -> roomTaken.getText().contains("이 방에는 이미 다른 세션이 있습니다"));

        browser.find("#vrsession-" + sessionId + " a").click();
        browser.find("#vr-session");
        assertTrue(browser.all("#override-field").isEmpty(), "a care worker is not offered the override");
        enrol("금기" + tag, epileptic);
        WebElement refused = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vr-enrol-error[data-problem='contraindicated']")));
        assertTrue(refused.getText().contains("금기"), "the refusal is said in Korean: " + refused.getText());
        browser.screenshot("vr-contraindicated");

        enrol("참여" + tag, fit);
        browser.find("#participant-" + fit);
        assertTrue(browser.find("#vr-seats").getText().startsWith("1/2"), browser.find("#vr-seats").getText());

        new Select(browser.find("#att-" + fit)).selectByValue("ATTENDED");
        browser.find("#min-" + fit).sendKeys("25");
        browser.find("#done-" + fit).click();
        browser.find("#score-" + fit).sendKeys("80");
        browser.find("#attendance-" + fit + " button[type=submit]").click();
        // Read in the page: the participant's card is drawn anew with the service's answer.
        browser.waitFor(d -> "ATTENDED".equals(browser.script("return document.getElementById(arguments[0])?.dataset.attendance", "participant-" + fit)));
        browser.screenshot("vr-attendance");
        Map<String, Object> participant = given().auth().oauth2(Tokens.user("carer1")).get("/api/care/vr/sessions/" + sessionId)
                .then().statusCode(200).extract().jsonPath().getMap("participants.find { it.residentId == '" + fit + "' }");
        assertEquals("ATTENDED", participant.get("attendance"));
        assertEquals(25, participant.get("minutesDone"));
        assertEquals(80, participant.get("score"));
        assertEquals(Boolean.TRUE, participant.get("completed"));
        assertEquals("carer1", participant.get("recordedBy"));

        // A supervisor is offered the override, and it is kept with the participant.
        browser.forgetSessions();
        browser.openAs("/staff/#vr/" + sessionId, "supervisor1");
        browser.find("#vr-override").sendKeys("e2e: 주치의 확인");
        enrol("금기" + tag, epileptic);
        WebElement overridden = browser.find("#participant-" + epileptic);
        assertTrue(overridden.getText().contains("주치의 확인"), overridden.getText());
        browser.screenshot("vr-override");
    }

    private static void enrol(String name, String residentId) {
        browser.find("#vr-q").clear();
        browser.find("#vr-q").sendKeys(name);
        browser.find("#vr-find button[type=submit]").click();
        browser.find("#vr-candidates li[data-resident='" + residentId + "'] button.enrol").click();
    }

    private static void answer(int item, Object value) {
        WebElement choice = browser.find("#item-" + item + " input[value='" + value + "']");
        // As a person scrolls: the item to the middle of the window, clear of the score bar kept at the bottom.
        browser.script("arguments[0].scrollIntoView({block: 'center'})", choice);
        choice.click();
    }

    private static WebElement live() {
        return browser.find("#screening-live");
    }

    /** A resident registered with care consent whose care profile exists (made from resident-service's event). */
    private static String residentInCare(String name) {
        String id = registered(name);
        inCare(id);
        return id;
    }

    private static String registered(String name) {
        return given().auth().oauth2(Tokens.user("welfare1")).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","birthDate":"1944-05-06","sex":"F","phone":"010-5555-0303",
                         "address":{"dong":"두암동","complex":"두암주공2단지","building":"204","unit":"302"},
                         "assignedCareWorker":"carer1","consents":[{"purpose":"CARE_SERVICES","given":true}]}
                        """.formatted(name))
                .post("/api/residents").then().statusCode(201).extract().path("id");
    }

    private static void inCare(String id) {
        String carer = Tokens.user("carer1");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(carer).get("/api/care/profiles/" + id).then().statusCode(200));
    }
}
