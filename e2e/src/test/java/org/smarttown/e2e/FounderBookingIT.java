package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The founders' page on a phone-sized window: book a desk, find it in my bookings, cancel it. */
class FounderBookingIT {

    private static final String FOUNDER = "founder2";
    private static Chromium phone;

    @org.junit.jupiter.api.extension.RegisterExtension
    static final Chromium.ScreenshotOnFailure SCREENSHOT_ON_FAILURE = new Chromium.ScreenshotOnFailure(() -> phone);

    @BeforeAll
    static void start() {
        LocalSuite.ensureUp();
        RestAssured.baseURI = LocalSuite.GATEWAY;
        // The founder's own earlier bookings (of a failed run) would count against the desk limits.
        given().auth().oauth2(Tokens.user(FOUNDER)).contentType(ContentType.JSON).body("{\"allFuture\":true}")
                .post("/api/coworking/bookings/cancel").then().statusCode(200);
        phone = Chromium.phone("founder");
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void aFounderOnAPhoneBooksADeskSeesItInMyBookingsAndCancelsIt() {
        // Demo desks close on Sundays; a weekday two days ahead is always within the 14-day window.
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(2);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        phone.openAs("/book/#spaces", FOUNDER);
        phone.find("#space-list[data-query]");
        assertEquals(390, ((Number) phone.script("return window.innerWidth")).intValue(), "a phone-sized page");
        assertTrue((Boolean) phone.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "nothing sticks out sideways on a phone");

        phone.setValue("#space-day", day.toString());
        phone.find("#find-spaces").click();
        WebElement free = phone.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#space-list[data-query='DESK " + day + "'] li[data-available='true'] button.book")));
        String code = free.findElement(By.xpath("./ancestor::li[1]")).getAttribute("id").substring("spaceitem-".length());
        phone.screenshot("desks");
        free.click();
        phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-result"), code));
        phone.screenshot("booked");

        phone.driver.get(LocalSuite.GATEWAY + "/book/#mine");
        WebElement booking = phone.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#my-bookings li[data-space='" + code + "'][data-status='CONFIRMED']")));
        String bookingId = booking.getAttribute("id");
        assertTrue(booking.getText().contains(String.valueOf(day.getDayOfMonth())), booking.getText());
        phone.screenshot("my-bookings");

        phone.find("#" + bookingId + " button.cancel").click();
        phone.waitFor(ExpectedConditions.attributeToBe(By.id(bookingId), "data-status", "CANCELLED"));
        phone.screenshot("cancelled");
        given().auth().oauth2(Tokens.user(FOUNDER)).get("/api/coworking/bookings/" + bookingId.substring("booking-".length()))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
    }
}
