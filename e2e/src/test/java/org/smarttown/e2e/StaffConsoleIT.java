package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.restassured.http.ContentType;

/** The staff console in a real browser, signed in through the real Keycloak, against the running suite. */
class StaffConsoleIT {

    @RegisterExtension
    static final Chromium browser = Chromium.desktop("staff");


    @Test
    void aWelfareWorkerRegistersAResidentAfterFixingTheFieldsTheServiceRefused() {
        String name = "브라우저" + UUID.randomUUID().toString().substring(0, 6);
        // Registration numbers are unique: a new birth date and number for every run.
        java.util.Random random = new java.util.Random();
        java.time.LocalDate born = java.time.LocalDate.of(1930 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String rrnFront = born.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-2";
        String rrn = rrnFront + String.format("%06d", random.nextInt(1_000_000));
        browser.openAs("/staff/#register", "welfare1");
        browser.find("#register-form");
        assertEquals("ko", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));

        // A registration number that contradicts the birth date, and no dong: both refused, each at its field.
        browser.find("[name='name']").sendKeys(name);
        browser.setValue("[name='birthDate']", born.toString());
        new Select(browser.find("[name='sex']")).selectByValue("F");
        browser.find("[name='rrn']").sendKeys(born.getYear() == 1950 ? "490302-2345678" : "500302-2345678");
        browser.find("[name='address.complex']").sendKeys("두암주공2단지");
        browser.find("#register-submit").click();
        WebElement fieldError = browser.find(".field-error");
        browser.screenshot("register-field-errors");
        WebElement invalid = browser.driver.findElement(By.cssSelector("[aria-invalid='true']"));
        assertTrue(fieldError.getText().length() > 0);
        assertEquals(invalid.getAttribute("aria-describedby"), fieldError.getAttribute("id"), "the message belongs to its field");

        browser.find("[name='rrn']").clear();
        browser.find("[name='rrn']").sendKeys(rrn);
        browser.find("[name='address.dong']").sendKeys("두암동");
        browser.find("#register-submit").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("register-result"), name));
        assertTrue(browser.all(".field-error").isEmpty(), "no field error once the service accepted the resident");
        browser.screenshot("register-done");

        // The record shows the number masked, and reveals it only with a reason.
        browser.find("#register-open").click();
        browser.find("#open-record").click();
        assertEquals(name, browser.find("#record-name").getText());
        assertEquals(rrnFront + "******", browser.find("#rrn-value").getText());
        browser.find("#reason").sendKeys("e2e: 본인 확인");
        browser.find("#reveal").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("rrn-value"), rrn));
        browser.screenshot("record-rrn-revealed");

        // The English switch is remembered.
        browser.find("#lang-switch").click();
        browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        browser.driver.navigate().refresh();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header.app h1"), "SmartTown staff console"));
        browser.find("#lang-switch").click();
        browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ko"));
    }

    @Test
    void aCareWorkerSeesAnSosAppearLiveAndAcknowledgesDispatchesAndResolvesIt() {
        String name = "경보" + UUID.randomUUID().toString().substring(0, 6);
        String serial = "EB-E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String residentId = residentInCareWithAnEmergencyButton(name, serial);

        browser.openAs("/staff/#alerts", "carer1");
        browser.waitFor(ExpectedConditions.attributeContains(By.id("alerts-live"), "class", "on"));
        browser.screenshot("alerts-before");

        given().auth().oauth2(Tokens.client("device-hub")).contentType(ContentType.JSON)
                .body("""
                        {"readings":[{"deviceSerial":"%s","type":"SOS","value":1,"measuredAt":"%s","sequence":1}]}
                        """.formatted(serial, OffsetDateTime.now(ZoneOffset.ofHours(9)).minusSeconds(2)))
                .post("/api/care/readings").then().statusCode(202);

        // No reload: the card arrives over the event stream.
        WebElement card = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//article[contains(@class,'alert-card')][.//span[@class='resident-name' and text()='" + name + "']]")));
        String cardId = card.getAttribute("id");
        assertEquals("RAISED", card.getAttribute("data-status"));
        assertTrue(card.getText().contains("응급 호출(SOS)"), "the kind is named in Korean: " + card.getText());
        browser.screenshot("alert-live");

        browser.find("#" + cardId + " button.acknowledge").click();
        browser.waitFor(ExpectedConditions.attributeToBe(By.id(cardId), "data-status", "ACKNOWLEDGED"));
        new Select(browser.find("#" + cardId + " select[id^='method-']")).selectByValue("VISIT");
        browser.find("#" + cardId + " button.dispatch").click();
        browser.waitFor(ExpectedConditions.attributeToBe(By.id(cardId), "data-status", "DISPATCHED"));
        new Select(browser.find("#" + cardId + " select[id^='resolution-']")).selectByValue("VISITED_OK");
        browser.find("#" + cardId + " button.resolve").click();
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id(cardId)));
        browser.screenshot("alert-resolved");

        given().auth().oauth2(Tokens.user("carer1")).get("/api/care/alerts?residentId=" + residentId).then()
                .statusCode(200)
                .body("items[0].status", org.hamcrest.Matchers.equalTo("RESOLVED"))
                .body("items[0].acknowledgedBy", org.hamcrest.Matchers.equalTo("carer1"));
    }

    @Test
    void aFounderOpeningTheStaffConsoleIsRefused() {
        browser.openAs("/staff/", "founder1");
        String page = browser.driver.getPageSource();
        browser.screenshot("founder-refused");
        assertTrue(page.contains("403"), page);
        assertTrue(browser.all("#register-form").isEmpty() && browser.all("nav.app a").isEmpty(), "nothing of the console is shown");
    }

    /** A resident registered with care consent, in care (profile from the broker), with an emergency button installed. */
    private static String residentInCareWithAnEmergencyButton(String name, String serial) {
        String id = given().auth().oauth2(Tokens.user("welfare1")).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","birthDate":"1941-02-03","sex":"M","phone":"010-5555-0202",
                         "address":{"dong":"두암동","complex":"두암주공2단지","building":"203","unit":"101"},
                         "assignedCareWorker":"carer1","consents":[{"purpose":"CARE_SERVICES","given":true}]}
                        """.formatted(name))
                .post("/api/residents").then().statusCode(201).extract().path("id");
        String carer = Tokens.user("carer1");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(carer).get("/api/care/profiles/" + id).then().statusCode(200));
        given().auth().oauth2(carer).contentType(ContentType.JSON)
                .body("{\"serial\":\"%s\",\"type\":\"EMERGENCY_BUTTON\",\"firmware\":\"1.0\",\"heartbeatIntervalSeconds\":3600}".formatted(serial))
                .post("/api/care/devices").then().statusCode(201);
        given().auth().oauth2(carer).contentType(ContentType.JSON).body("{\"residentId\":\"%s\"}".formatted(id))
                .post("/api/care/devices/" + serial + "/assign").then().statusCode(org.hamcrest.Matchers.either(
                        org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(201)));
        return id;
    }
}
