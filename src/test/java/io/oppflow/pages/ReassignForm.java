package io.oppflow.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The opportunity page's reassign form, as a manager fills and sends it. */
final class ReassignForm {

  private ReassignForm() {}

  /** Types the new owner, org unit (empty: none) and reason over what the fields held. */
  static void fill(WebDriver driver, String owner, String orgUnit, String reason) {
    type(driver, "reassign-owner", owner);
    type(driver, "reassign-orgUnit", orgUnit);
    type(driver, "reassign-reason", reason);
  }

  static void submit(WebDriver driver) {
    WebElement button = driver.findElement(By.id("reassign-submit"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  /** Types {@code text} over what the field {@code id} held. */
  static void type(WebDriver driver, String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    if (!text.isEmpty()) {
      input.sendKeys(text);
    }
  }
}
