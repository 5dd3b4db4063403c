"""The project as a whole: the commands that span every domain (`velferd load-demo`,
`velferd export-openapi`). It sits above the domains, with the URL conf and the API."""
