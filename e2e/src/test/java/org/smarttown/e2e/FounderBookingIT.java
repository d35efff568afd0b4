package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.restassured.http.ContentType;

/** The founders' page on a phone-sized window: book a desk, find it in my bookings, cancel it. */
class FounderBookingIT {

    private static final String FOUNDER = "founder2";

    @RegisterExtension
    static final Chromium phone = Chromium.phone("founder");

    @BeforeAll
    static void cancelTheFoundersEarlierBookings() {
        // The founder's own earlier bookings (of a failed run) would count against the desk limits.
        given().auth().oauth2(Tokens.user(FOUNDER)).contentType(ContentType.JSON).body("{\"allFuture\":true}")
                .post("/api/coworking/bookings/cancel").then().statusCode(200);
        // Likewise the founder's open mentoring sessions (weekly limits per founder).
        String token = Tokens.user(FOUNDER);
        java.util.List<java.util.Map<String, Object>> sessions = given().auth().oauth2(token).get("/api/mentoring/sessions/mine?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        sessions.stream().filter(s -> java.util.List.of("REQUESTED", "CONFIRMED").contains(s.get("status")))
                .forEach(s -> given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"e2e clean-up\"}")
                        .post("/api/mentoring/sessions/" + s.get("id") + "/cancel").then().statusCode(200));
    }


    @Test
    void aFounderFindsAMentorByExpertiseBooksASlotReschedulesAndCancelsIt() {
        phone.openAs("/book/#mentors", FOUNDER);
        phone.find("#expertise").sendKeys("saas");
        phone.find("#mentor-search button[type=submit]").click();
        WebElement mentor = phone.find("#mentor-list[data-query='saas'] li.mentor");
        assertTrue(mentor.getText().contains("saas"), mentor.getText());
        phone.waitFor(d -> !mentor.findElements(By.cssSelector("select option")).isEmpty());
        new org.openqa.selenium.support.ui.Select(mentor.findElement(By.cssSelector("select"))).selectByVisibleText(
                mentor.findElements(By.cssSelector("select option")).stream().map(WebElement::getText)
                        .filter(text -> text.startsWith("One-to-one")).findFirst().orElseThrow());
        mentor.findElement(By.cssSelector("button.show-slots")).click();
        // Choosing the type and pressing the button each load the slots; click one of the list that stays.
        phone.waitFor(d -> {
            try {
                mentor.findElements(By.cssSelector("button.slot")).get(0).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | IndexOutOfBoundsException notYet) {
                return false;
            }
        });
        String sessionId = phone.waitFor(d -> d.findElement(By.id("mentoring-result")).getAttribute("data-session"));
        WebElement session = phone.find("#session-" + sessionId);
        String bookedAt = session.findElement(By.tagName("strong")).getText();
        phone.screenshot("mentoring-booked");

        phone.find("#session-" + sessionId + " button.secondary").click();
        phone.waitFor(d -> !d.findElement(By.cssSelector("#session-" + sessionId + " strong")).getText().equals(bookedAt));
        phone.screenshot("mentoring-rescheduled");

        phone.find("#session-" + sessionId + " button.cancel").click();
        phone.waitFor(ExpectedConditions.attributeToBe(By.id("session-" + sessionId), "data-status", "CANCELLED"));
        phone.screenshot("mentoring-cancelled");
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
