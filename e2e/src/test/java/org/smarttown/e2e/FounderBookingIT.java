package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The founders' page on a phone-sized window: book a desk, find it in my bookings, cancel it; the booking's
 * drawn QR code read by a real decoder and used to check in; the waitlist of a taken booth; mentoring.
 */
class FounderBookingIT {

    private static final String FOUNDER = "founder2";

    @RegisterExtension
    static final Chromium phone = Chromium.phone("founder");

    /** A booth of the e2e runs, open 00:00–23:30 every day, so that a booking can start within the check-in window at any hour. */
    private static final String BOOTH = "B-E2E";
    /** A meeting room of the e2e runs, open every day, for the waitlist. */
    private static final String ROOM = "M-E2E";

    @BeforeAll
    static void cancelTheFoundersEarlierBookings() {
        // The other founder's booking of a failed run would keep the waitlist test's slot taken.
        given().auth().oauth2(Tokens.user("founder1")).contentType(ContentType.JSON).body("{\"allFuture\":true}")
                .post("/api/coworking/bookings/cancel").then().statusCode(200);
        String waiting = Tokens.user(FOUNDER);
        given().auth().oauth2(waiting).get("/api/coworking/waitlist/mine?size=100").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>> getList("items").stream().filter(w -> "WAITING".equals(w.get("status")))
                .forEach(w -> given().auth().oauth2(waiting).post("/api/coworking/waitlist/" + w.get("id") + "/leave").then().statusCode(200));
        // The founder's own earlier bookings (of a failed run) would count against the desk limits.
        given().auth().oauth2(Tokens.user(FOUNDER)).contentType(ContentType.JSON).body("{\"allFuture\":true}")
                .post("/api/coworking/bookings/cancel").then().statusCode(200);
        // Likewise the founder's open mentoring sessions (weekly limits per founder).
        String token = Tokens.user(FOUNDER);
        List<Map<String, Object>> sessions = given().auth().oauth2(token).get("/api/mentoring/sessions/mine?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        sessions.stream().filter(s -> List.of("REQUESTED", "CONFIRMED").contains(s.get("status")))
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
        // The last one, days ahead, and later move it to the second last: a session that starts within
        // the type's change notice can be neither moved nor cancelled (the first slot is tomorrow, inside
        // a day's notice from 14:00 Seoul time on).
        phone.waitFor(d -> {
            try {
                List<WebElement> slots = mentor.findElements(By.cssSelector("button.slot"));
                slots.get(slots.size() - 1).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | IndexOutOfBoundsException notYet) {
                return false;
            }
        });
        String sessionId = phone.waitFor(d -> d.findElement(By.id("mentoring-result")).getAttribute("data-session"));
        WebElement session = phone.find("#session-" + sessionId);
        String bookedAt = session.findElement(By.tagName("strong")).getText();
        phone.screenshot("mentoring-booked");

        // The move targets load when the button is pointed at or focused.
        phone.script("arguments[0].focus()", phone.find("#session-" + sessionId + " button.secondary"));
        phone.waitFor(d -> phone.all("#move-" + sessionId + " option").size() > 1);
        List<WebElement> moves = phone.all("#move-" + sessionId + " option");
        phone.setValue("#move-" + sessionId, moves.get(moves.size() - 1).getAttribute("value"));
        phone.find("#session-" + sessionId + " button.secondary").click();
        phone.waitFor(d -> !d.findElement(By.cssSelector("#session-" + sessionId + " strong")).getText().equals(bookedAt));
        phone.screenshot("mentoring-rescheduled");

        phone.find("#session-" + sessionId + " button.cancel").click();
        phone.waitFor(ExpectedConditions.attributeToBe(By.id("session-" + sessionId), "data-status", "CANCELLED"));
        phone.screenshot("mentoring-cancelled");

        // The list shows today on, soonest first; the whole history, latest first, when the founder asks:
        // the same sessions, in the same order, as the API lists (SessionTest pins what it lists).
        String token = Tokens.user(FOUNDER);
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        assertEquals(sessionIds("/api/mentoring/sessions/mine?size=50&from=" + today, token), pageSessionIds());
        java.time.Instant startOfToday = LocalDate.parse(today).atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant();
        assertTrue(sessionStarts().stream().noneMatch(start -> start.isBefore(startOfToday)), "only sessions from today on");
        phone.find("#mt-mine-all").click();
        phone.find("#my-sessions[data-from='all']");
        assertEquals(sessionIds("/api/mentoring/sessions/mine?size=50", token), pageSessionIds());
    }

    private static List<String> pageSessionIds() {
        return phone.all("#my-sessions li.session").stream().map(li -> li.getAttribute("id").substring("session-".length()))
                .toList();
    }

    private static List<String> sessionIds(String path, String token) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static List<java.time.Instant> sessionStarts() {
        return phone.all("#my-sessions li.session").stream()
                .map(li -> java.time.OffsetDateTime.parse(li.getAttribute("data-start")).toInstant()).toList();
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

    @Test
    void aFounderShowsTheDrawnQrCodeOfABookingAndChecksInWithIt() throws IOException, NotFoundException,
            ChecksumException, FormatException {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        ZonedDateTime now = ZonedDateTime.now(seoul);
        // The next half hour; past the booth's 23:30 closing, tomorrow's first slot.
        ZonedDateTime start = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(now.getMinute() < 30 ? 30 : 60);
        if (start.toLocalTime().isAfter(LocalTime.of(23, 0)) || start.toLocalDate().isAfter(now.toLocalDate())) {
            start = now.toLocalDate().plusDays(1).atStartOfDay(seoul);
        }
        // A checked-in booking stays active until it ends and cannot be cancelled: of a run shortly before, it still
        // counts against the founder's two active booths. The founder with fewer of them shows the code.
        String founder = founderWithAFreeBooth();
        // A run within the same half hour (a local run, then CI) holds that slot, checked in: take the next free one.
        Response answer = null;
        for (int tries = 0; tries < 6; tries++, start = start.plusMinutes(30)) {
            answer = given().auth().oauth2(Tokens.user(founder)).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("spaceId", space(BOOTH, "BOOTH"), "start", start.toOffsetDateTime().toString(), "end", start.plusMinutes(30).toOffsetDateTime().toString()))
                    .post("/api/coworking/bookings");
            if (answer.statusCode() != 409) {
                break;
            }
        }
        String body = answer.then().statusCode(201).extract().asString();
        JsonPath booking = JsonPath.from(body);
        String id = booking.getString("id");
        String token = booking.getString("checkInToken");

        phone.openAs("/book/#mine", founder);
        WebElement qr = phone.find("#booking-" + id + " svg.qr");
        assertEquals("25", qr.getAttribute("data-modules"), "a 24-character token fits version 2 (25×25 modules)");
        assertTrue(Integer.parseInt(qr.getAttribute("data-dark")) > 100, "the modules are drawn");
        assertEquals(token, phone.find("#booking-" + id + " code.token").getText(), "the token stays readable as text");
        // Whole on the screen, as it is held up to the reader.
        phone.script("arguments[0].scrollIntoView({block: 'center'})", qr);
        byte[] png = qr.getScreenshotAs(OutputType.BYTES);
        Files.write(Chromium.SCREENSHOTS.resolve("founder-qr-code.png"), png);
        assertEquals(token, decodeQr(png), "a reader at the door reads the booking's token from the drawn code");
        phone.screenshot("qr-booking");

        // Check-in with the code opens 15 minutes before the start and closes 15 minutes after it.
        boolean openBefore = !ZonedDateTime.now(seoul).isBefore(start.minusMinutes(15));
        phone.find("#booking-" + id + " button.check-in").click();
        // Read in the page: the list is drawn anew after the answer.
        phone.waitFor(d -> Boolean.TRUE.equals(phone.script("return document.getElementById(arguments[0])?.dataset.status === 'CHECKED_IN'"
                + " || document.getElementById('mine-result').dataset.problem === 'check-in-too-early'", "booking-" + id)));
        boolean openAfter = !ZonedDateTime.now(seoul).isBefore(start.minusMinutes(15));
        String status = given().auth().oauth2(Tokens.user(founder)).get("/api/coworking/bookings/" + id).then().statusCode(200).extract().path("status");
        phone.screenshot("qr-check-in");
        if (openBefore == openAfter) {
            assertEquals(openBefore ? "CHECKED_IN" : "CONFIRMED", status, "checked in exactly when the window is open");
        }
        if ("CONFIRMED".equals(status)) {
            assertTrue(phone.find("#mine-result").getText().contains("15분 전부터"), "too early, said in Korean: " + phone.find("#mine-result").getText());
            given().auth().oauth2(Tokens.user(founder)).post("/api/coworking/bookings/" + id + "/cancel").then().statusCode(200);
        }
    }

    @Test
    void aFounderJoinsTheWaitlistOfARoomAnotherFounderTook() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1);
        given().auth().oauth2(Tokens.user("founder1")).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("spaceId", space(ROOM, "MEETING_ROOM"), "start", day + "T10:00:00+09:00", "end", day + "T11:00:00+09:00"))
                .post("/api/coworking/bookings").then().statusCode(201);

        phone.openAs("/book/#spaces", FOUNDER);
        phone.find("#space-list[data-query]");
        phone.setValue("#space-type", "MEETING_ROOM");
        phone.setValue("#space-day", day.toString());
        phone.setValue("#space-start", "10:00");
        phone.setValue("#space-end", "11:00");
        phone.find("#find-spaces").click();
        WebElement join = phone.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#space-list[data-query='MEETING_ROOM " + day + "'] #spaceitem-" + ROOM + "[data-available='false'] button.waitlist")));
        phone.screenshot("room-taken");
        join.click();
        phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-result"), ROOM));

        phone.driver.get(LocalSuite.GATEWAY + "/book/#mine");
        WebElement place = phone.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#my-waitlist li.wait[data-status='WAITING']")));
        assertTrue(place.getText().contains(ROOM) && place.getText().contains("대기 중"), place.getText());
        phone.screenshot("waitlist");
    }

    /** founder2, unless founder2 already holds the two active booths a founder may hold. */
    private static String founderWithAFreeBooth() {
        for (String founder : List.of(FOUNDER, "founder1")) {
            long booths = given().auth().oauth2(Tokens.user(founder)).get("/api/coworking/bookings/mine?size=100").then().statusCode(200)
                    .extract().jsonPath().<Map<String, Object>> getList("items").stream()
                    .filter(b -> List.of("CONFIRMED", "CHECKED_IN").contains(b.get("status")) && String.valueOf(b.get("spaceCode")).startsWith("B-")
                            && OffsetDateTime.parse(String.valueOf(b.get("end"))).isAfter(OffsetDateTime.now()))
                    .count();
            if (booths < 2) {
                return founder;
            }
        }
        throw new IllegalStateException("founder1 and founder2 both hold two active booths (checked in by runs within the last hour)");
    }

    /** The id of an e2e space open 00:00–23:30 every day: made by the space manager on the first run, found afterwards. */
    private static String space(String code, String type) {
        String manager = Tokens.user("manager1");
        Optional<String> known = given().auth().oauth2(manager).get("/api/coworking/spaces?type=" + type + "&size=100").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>> getList("items").stream()
                .filter(s -> code.equals(s.get("code"))).map(s -> (String) s.get("id")).findFirst();
        return known.orElseGet(() -> given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","type":"%s","name":"E2E %s","capacity":%d,"equipment":[],"floor":1,"x":%d,"y":80,
                         "opensAt":"00:00","closesAt":"23:30","closedWeekdays":[]}
                        """.formatted(code, type, type.toLowerCase(Locale.ROOT), "BOOTH".equals(type) ? 1 : 4, "BOOTH".equals(type) ? 760 : 840))
                .post("/api/coworking/spaces").then().statusCode(201).extract().path("id"));
    }

    /** What a QR reader makes of the picture: zxing's decoder, trying hard, on the element as the page drew it. */
    private static String decodeQr(byte[] png) throws IOException, NotFoundException,
            ChecksumException, FormatException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
