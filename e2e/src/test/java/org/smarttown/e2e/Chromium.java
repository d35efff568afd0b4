package org.smarttown.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;

/**
 * Debian's headless Chromium driven by its matching chromedriver (both from apt, nothing downloaded:
 * the driver path is given, so Selenium Manager never runs). A test class registers one as a JUnit
 * extension ({@code @RegisterExtension static final Chromium browser = Chromium.desktop("name")}):
 * it makes sure the suite runs, starts the browser once for the class, forgets every session before
 * each test, keeps a screenshot of a failed test, and quits at the end. Screenshots go to
 * e2e/target/screenshots/.
 */
final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("smarttown.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("smarttown.chromedriver", "/usr/bin/chromedriver");

    private static final Duration SIGN_IN_TIMEOUT = Duration.ofSeconds(90);

    WebDriver driver;
    private Path profile;
    private final String prefix;
    private final int width;
    private final int height;
    private final boolean mobile;

    private Chromium(String prefix, int width, int height, boolean mobile) {
        this.prefix = prefix;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalSuite.ensureUp();
        RestAssured.baseURI = LocalSuite.GATEWAY;
        try {
            profile = Files.createTempDirectory("smarttown-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=ko-KR", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ko-KR,ko"));
        if (mobile) {
            // A phone's viewport: its CSS width, overlay scrollbars, touch.
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        if (!mobile) {
            driver.manage().window().setSize(new Dimension(width, height));
        }
    }

    /** A desktop-sized window. */
    static Chromium desktop(String prefix) {
        return new Chromium(prefix, 1280, 900, false);
    }

    /** A phone-sized window (an ordinary phone's CSS pixels). */
    static Chromium phone(String prefix) {
        return new Chromium(prefix, 390, 844, true);
    }

    /**
     * Opens a page of the gateway as the given person: when the gateway sends the browser to
     * Keycloak's sign-in form, fills it in and waits to be back on the gateway.
     */
    void openAs(String path, String user) {
        driver.get(LocalSuite.GATEWAY + path);
        for (int attempt = 1; ; attempt++) {
            signInIfAsked(user);
            // The way back from sign-in restores the path, but a #view never reaches the server: the
            // page's router takes it from the address, as when a person follows a link to it.
            int hash = path.indexOf('#');
            if (hash >= 0 && !driver.getCurrentUrl().endsWith(path.substring(hash))) {
                script("location.hash = arguments[0]", path.substring(hash));
            }
            if (attempt == 2 || !signInShownWithin(Duration.ofSeconds(2))) {
                return;
            }
            // Seen at most once per run, on the first sign-in after the suite started: the page
            // reloaded to sign in again (an API call answered 401). Said here, then done again.
            System.err.println("Asked to sign in twice on " + path + " as " + user);
        }
    }

    private boolean signInShownWithin(Duration time) {
        try {
            return waitFor(time, d -> d.getCurrentUrl().startsWith(LocalSuite.KEYCLOAK));
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private void signInIfAsked(String user) {
        waitFor(SIGN_IN_TIMEOUT, d -> d.getCurrentUrl().startsWith(LocalSuite.KEYCLOAK)
                || !d.findElements(By.cssSelector("header.app, #forbidden")).isEmpty());
        if (driver.getCurrentUrl().startsWith(LocalSuite.KEYCLOAK)) {
            waitFor(SIGN_IN_TIMEOUT, ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys("smarttown");
            driver.findElement(By.id("kc-login")).click();
            // Back on the gateway with the page shown (the shell names who is signed in), or refused.
            // Generous: the first sign-in after Keycloak starts is slow on a busy machine.
            waitFor(SIGN_IN_TIMEOUT, d -> d.getCurrentUrl().startsWith(LocalSuite.GATEWAY)
                    && !d.findElements(By.cssSelector("#who, #forbidden")).isEmpty());
        }
    }

    /** Forgets every cookie (the gateway's session and Keycloak's), so the next {@link #openAs} signs in afresh. */
    void forgetSessions() {
        // Off the page first: a later visit differing only in its #view would otherwise not load anything.
        driver.get("about:blank");
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(20), condition);
    }

    /**
     * Waits until the condition holds. The pages redraw cards as live events arrive, so an element
     * found by one poll may be replaced before the next look at it: that poll is simply retried.
     */
    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    WebElement find(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Sets an input's value as a person would end up with it (date and time inputs are locale-formatted when typed). */
    void setValue(String css, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
                        + " el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
                css, value);
    }

    Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Keeps what the browser shows as target/screenshots/<class>-<name>.png. */
    void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(prefix + "-" + name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        forgetSessions();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            screenshot("FAILED-" + context.getRequiredTestMethod().getName());
            System.err.println("Browser was at " + driver.getCurrentUrl());
        }
    }

    /** Keeps one element as it is drawn (the whole of it, even where it runs past the window). */
    void screenshot(String name, WebElement element) {
        try {
            Files.write(SCREENSHOTS.resolve(prefix + "-" + name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }
}
