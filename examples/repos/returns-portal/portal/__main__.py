import uvicorn

uvicorn.run("portal.app:app", host="0.0.0.0", port=8000)
