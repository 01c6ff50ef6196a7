import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The Today page keeps working offline (public/sw.js).
if ("serviceWorker" in navigator)
  void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
