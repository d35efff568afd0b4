package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;


/** The other screens, each drawn from its service's answer: City Map, CSV import, reports, mentors. */
class StaffScreensIT {

    @RegisterExtension
    static final Chromium browser = Chromium.desktop("screens");


    @Test
    void theCityMapDrawsEveryBuildingOfTheGeoJsonWithoutATileServer() {
        List<Object> features = given().auth().oauth2(Tokens.user("welfare1")).get("/api/residents/map")
                .then().statusCode(200).extract().jsonPath().getList("features");
        browser.openAs("/staff/#map", "welfare1");
        browser.find("#city-map table");
        assertEquals(features.size(), browser.all("svg.map g.building").size(), "one mark per feature");
        assertFalse(features.isEmpty(), "the demo residents make at least one building");
        assertEquals(Boolean.TRUE, browser.script("return [...document.querySelectorAll('svg.map g.building circle')].every(c => "
                + "c.cx.baseVal.value > 0 && c.cx.baseVal.value < 800 && c.cy.baseVal.value > 0 && c.cy.baseVal.value < 520)"),
                "every building is drawn inside the map");
        assertTrue(browser.driver.getPageSource().contains("<svg"), "drawn in the page, no map tiles");
        browser.screenshot("city-map", browser.find("#city-map figure"));
    }

    @Test
    void aCsvImportShowsItsProgressAndTheRowsItRefused() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Path csv = Files.createTempFile("residents", ".csv");
        Files.writeString(csv, """
                이름,생년월일,성별,행정동,단지
                가져오기%1$s가,1944-01-02,여,두암동,두암주공2단지
                가져오기%1$s나,1946-03-04,남,문흥동,문흥주공1단지
                가져오기%1$s다,not-a-date,여,두암동,두암주공2단지
                """.formatted(tag), StandardCharsets.UTF_8);
        browser.openAs("/staff/#import", "welfare1");
        browser.find("#import-file").sendKeys(csv.toAbsolutePath().toString());
        browser.find("#import-form button[type=submit]").click();
        browser.waitFor(java.time.Duration.ofSeconds(60), ExpectedConditions.attributeToBe(By.id("import-bar"), "value", "3"));
        WebElement report = browser.find("#import-report");
        assertTrue(report.getText().contains("4"), "the refused row is named by its line: " + report.getText());
        assertTrue(browser.find("#import-counts").getText().contains("3"), browser.find("#import-counts").getText());
        browser.screenshot("csv-import");
        Files.delete(csv);
    }

    @Test
    void aSpaceManagerSeesOccupancyAndAFounderFindsMentors() {
        browser.openAs("/staff/#occupancy", "manager1");
        browser.find("#occupancy-report table");
        assertEquals(List.of("#occupancy"), browser.all("nav.app a").stream().map(a -> a.getAttribute("href").replaceAll(".*(#.*)", "$1")).toList(),
                "a space manager is offered only what the role may open");
        browser.screenshot("occupancy");

        browser.forgetSessions();
        browser.openAs("/book/#mentors", "founder1");
        browser.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#mentor-list > li strong"), 0));
        browser.screenshot("mentors");
    }
}
