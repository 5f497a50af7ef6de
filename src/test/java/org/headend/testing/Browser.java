package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (Selenium Manager
 * cannot download anything here), with a fresh profile that is deleted on close.
 */
public final class Browser implements AutoCloseable {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    private final Path profile;
    private final ChromeDriver driver;
    private final String base;

    public Browser(String base) {
        this(base, new String[0]);
    }

    /** A browser with Chromium flags of the test's own (fake media devices, WebRTC policies). */
    public Browser(String base, String... extraArguments) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("headend-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login");
        type(By.id("signin:username"), username);
        type(By.id("signin:password"), password);
        driver.findElement(By.id("signin:submit")).click();
        return this;
    }

    public void type(By field, String text) {
        WebElement element = waitFor(d -> d.findElement(field));
        // clear() does not reach PrimeFaces' numeric inputs: select everything and type over it.
        element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        element.sendKeys(org.openqa.selenium.Keys.DELETE);
        element.sendKeys(text);
    }

    public WebElement find(By by) {
        return waitFor(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e : null;
        });
    }

    /** The text of a displayed element, read again if a push re-renders it meanwhile. */
    public String text(By by) {
        return waitFor(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    public void click(By by) {
        waitFor(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            e.click();
            return true;
        });
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(DEFAULT_WAIT, condition);
    }

    public <T> T waitFor(Duration deadline, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, deadline, Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the page's push socket is open, so no pushed message is missed. */
    public void awaitPushOpen() {
        waitFor(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-push")));
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Saves what the browser shows, for a failing test's reader (target/screenshots). */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // A screenshot is a courtesy; failing to take one must not hide the real failure.
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // The profile is in the temporary directory; the system cleans what is left.
            }
        }
    }
}
