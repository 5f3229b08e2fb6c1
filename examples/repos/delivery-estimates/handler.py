def handler(event, context):
    return {"statusCode": 200, "body": '{"window": "09:00-12:00"}'}
