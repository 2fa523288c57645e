"""The few colours that carry meaning at the desk, defined once."""

ERROR = "color: #b00020;"
ALERT = ("background: #fdecea; color: #7a1010; border: 1px solid #e8a3a3; "
         "border-radius: 4px; padding: 6px;")  # allergies, contraindications
WARNING = ("background: #fff4e0; color: #6b4500; border: 1px solid #f0c36d; "
           "border-radius: 4px; padding: 6px;")  # consent missing
SIGNED = ("background: #e8f3ea; color: #1d4d28; border: 1px solid #9ccaa5; "
          "border-radius: 4px; padding: 6px;")
CALM = ("background: #eef3fb; color: #23364f; border: 1px solid #b5c6e0; "
        "border-radius: 4px; padding: 6px;")  # asked and answered: no known allergies
