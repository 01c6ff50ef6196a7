import { Choice } from "../components/ui.js";
import { useSession } from "../session.js";

export default function SettingsPage() {
  const { user, prefs, setPrefs } = useSession();
  return (
    <>
      <h1 tabIndex={-1}>Settings</h1>
      <p>
        Signed in as {user.displayName} ({user.email}). Dates follow this device's language (
        {navigator.language}).
      </p>
      <div className="card">
        <Choice
          legend="Distances"
          name="distance"
          value={prefs.distance}
          options={[
            { value: "km", label: "Kilometres (km)" },
            { value: "mi", label: "Miles (mi)" },
          ]}
          onChange={(distance) => setPrefs({ ...prefs, distance })}
        />
        <Choice
          legend="Body mass"
          name="mass"
          value={prefs.mass}
          options={[
            { value: "kg", label: "Kilograms (kg)" },
            { value: "lb", label: "Pounds (lb)" },
          ]}
          onChange={(mass) => setPrefs({ ...prefs, mass })}
        />
        <p role="status">Saved on this device for your account.</p>
      </div>
    </>
  );
}
